import { createClient } from 'redis';

export const primary = createClient({ url: process.env.PRIMARY_URL, disableOfflineQueue: true });
export const replica = createClient({ url: process.env.REPLICA_URL, disableOfflineQueue: false });
