import { createClient } from 'redis';

const client = createClient({ url: 'redis://cache:6379', auth_pass: process.env.REDIS_PASSWORD });
client.on('error', console.error);
await client.connect();
