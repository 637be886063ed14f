import { registerJob } from '../scheduler/registry.js';
import { deliverPending } from './notify.js';

/** Sends what notify() queued for SMS/WeChat, after the transactions that queued it committed. */
registerJob('notifications.deliver', 60_000, (ctx) => deliverPending(ctx));
