import { createClient } from 'redis';

/**
 * Shared connection for the job queue.
 */
// eslint-disable-next-line no-console -- this comment is not about redis
const queue = createClient({
  // read from the environment
  url: process.env.QUEUE_URL, /* inline */
}); // trailing comment stays on this line
queue.on('error', (err) => console.error('Redis client error:', err));

/* before connect */
export const ready = queue.connect();
