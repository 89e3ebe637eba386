const { createClient } = await import('redis');

const client = createClient({ url: process.env.REDIS_URL });
await client.connect();
export { client };
