import { createClient } from 'redis';

// A .ts file may compile to CommonJS, where top-level await does not compile: .catch(…) instead.
export const client = createClient();
client.on('error', (err) => console.error(err));
client.connect();
