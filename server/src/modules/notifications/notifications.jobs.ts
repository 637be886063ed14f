import { job } from '../../core/module.js';
import { deliverPending } from './notify.js';

/** Sends what notify() queued for SMS/WeChat, after the transactions that queued it committed. */
export const deliverJob = job('notifications.deliver', 60_000, (ctx) => deliverPending(ctx));
