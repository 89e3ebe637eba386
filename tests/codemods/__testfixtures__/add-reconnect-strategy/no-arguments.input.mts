import { createClient } from 'redis';

const client = createClient();
client.on('error', (err) => console.error(err));
await client.connect();
