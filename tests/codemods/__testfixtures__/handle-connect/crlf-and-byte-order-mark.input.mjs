import { createClient } from 'redis';
const client = createClient();
client.on('error', console.error);
client.connect();
export default client;
