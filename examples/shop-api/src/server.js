// Product-view counter service. Reads one product id per line on stdin, counts the view in Redis
// and prints the new total; `ping` checks the connection. Run: REDIS_URL=redis://… node src/server.js
import { createInterface } from 'node:readline';
import { createClient } from 'redis';

const client = createClient({ url: process.env.REDIS_URL });

console.log('connecting');
await client.connect();
console.log('ready');

for await (const line of createInterface({ input: process.stdin })) {
  const productId = line.trim();
  if (productId === '') continue;
  try {
    if (productId === 'ping') {
      console.log(`pong ${await client.ping()}`);
    } else {
      console.log(`views ${productId} ${await client.incr(`views:${productId}`)}`);
    }
  } catch (err) {
    console.log(`failed ${err.constructor.name}: ${err.message}`);
  }
}

await client.close();
