import { createClient } from 'redis';

const client = createClient({ socket: { connectTimeout: 10000 } });
client.on('error', (err) => console.error(err));
await client.connect();
