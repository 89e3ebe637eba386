import { createClient } from 'redis';

const client = createClient();
await client.connect();

export const worker = client.duplicate({ socket: { reconnectStrategy: false } });
export { client };
