import redis = require('redis');

const client = redis.createClient({ url: process.env.REDIS_URL });

export async function start(): Promise<void> {
  await client.connect();
}
