const { createClient } = await import('redis');

const client = createClient({ url: process.env.REDIS_URL });
client.on('error', (err) => console.error('Redis client error:', err));
await client.connect();
export { client };
