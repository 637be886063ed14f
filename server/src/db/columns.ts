import { timestamp } from 'drizzle-orm/pg-core';

/** A timestamp with time zone, read and written as an ISO string: the column type of every `*_at`. */
export const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });
