// Price-change notifications between API instances.
import { createClient } from 'redis';

export interface PriceChange {
  sku: string;
  cents: number;
}

const publisher = createClient({
  url: process.env.REDIS_URL,
  socket: { connectTimeout: 5_000 },
});
publisher.on('error', (err: Error) => console.error('redis publisher error', err));

// A subscribed connection can't run other commands, so subscribers get their own connection.
const subscriber = publisher.duplicate();

export async function startPriceFeed(onChange: (change: PriceChange) => void): Promise<void> {
  await Promise.all([publisher.connect(), subscriber.connect()]);
  await subscriber.subscribe('prices', (message: string) => {
    onChange(JSON.parse(message) as PriceChange);
  });
}

export async function publishPriceChange(change: PriceChange): Promise<number> {
  return publisher.publish('prices', JSON.stringify(change));
}
