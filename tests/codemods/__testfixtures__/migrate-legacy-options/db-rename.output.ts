import { createClient } from 'redis';

// Sessions and cache must not share a database.
export const sessions = createClient({ url: process.env.REDIS_URL, database: 1 });
sessions.on('error', (err) => console.error(err));

export async function start() {
  await sessions.connect();
}
