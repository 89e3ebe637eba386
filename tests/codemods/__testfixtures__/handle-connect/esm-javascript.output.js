import { createClient } from 'redis';

// import/export and no require: an ES module, where top-level await works.
export const client = createClient();
client.on('error', (err) => console.error(err));
await client.connect();
