// Login sessions. This module is already production-safe: error listener, connect timeout,
// and the default (never-give-up, backing-off) reconnect strategy.
import { createClient } from 'redis';

const SESSION_TTL_SECONDS = 60 * 60 * 24;

export const sessions = createClient({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 10_000 },
});
sessions.on('error', (err: Error) => console.error('session store redis error', err));

export async function saveSession(id: string, userId: string): Promise<void> {
  await sessions.set(`session:${id}`, userId, { EX: SESSION_TTL_SECONDS });
}

export async function loadSession(id: string): Promise<string | null> {
  return sessions.get(`session:${id}`);
}
