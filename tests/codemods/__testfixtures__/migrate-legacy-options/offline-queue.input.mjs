import { createClient } from 'redis';

export const primary = createClient({ url: process.env.PRIMARY_URL, enable_offline_queue: false });
export const replica = createClient({ url: process.env.REPLICA_URL, enableOfflineQueue: true });
