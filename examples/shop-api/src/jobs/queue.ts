// Background jobs (order e-mails, invoice PDFs) pushed onto a Redis list.
import { createClient, type RedisClientType } from 'redis';

export interface Job {
  type: 'order-confirmation' | 'invoice';
  orderId: string;
}

export function createQueue(url = process.env.REDIS_URL): RedisClientType {
  const client: RedisClientType = createClient({
    url,
    socket: {
      connectTimeout: 2_000,
      // "Fail fast": never retry, the orchestrator restarts us anyway.
      reconnectStrategy: false,
    },
  });
  client.on('error', (err: Error) => console.error('job queue redis error', err));
  return client;
}

export async function enqueue(queue: RedisClientType, job: Job): Promise<number> {
  return queue.lPush('jobs', JSON.stringify(job));
}

export async function nextJob(queue: RedisClientType, timeoutSeconds = 5): Promise<Job | null> {
  const item = await queue.brPop('jobs', timeoutSeconds);
  return item ? (JSON.parse(item.element) as Job) : null;
}
