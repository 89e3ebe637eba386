// Order-job producer. Reads one order id per line on stdin and queues a confirmation job for it.
// Run: REDIS_URL=redis://… node src/worker.js
import { createInterface } from 'node:readline';
import { createClient } from 'redis';

const queue = createClient({
  url: process.env.REDIS_URL,
  socket: {
    // Don't keep jobs waiting on a dead connection: fail fast and let the supervisor restart us.
    reconnectStrategy: false,
  },
});
queue.on('error', (err) => console.error(`queue redis error: ${err.message}`));

console.log('connecting');
try {
  await queue.connect();
} catch (err) {
  console.log(`connect failed ${err.constructor.name}: ${err.message}`);
  process.exit(1);
}
console.log('ready');

for await (const line of createInterface({ input: process.stdin })) {
  const orderId = line.trim();
  if (orderId === '') continue;
  try {
    const length = await queue.lPush('jobs', JSON.stringify({ type: 'order-confirmation', orderId }));
    console.log(`queued ${orderId} ${length}`);
  } catch (err) {
    console.log(`failed ${err.constructor.name}: ${err.message}`);
  }
}

await queue.close();
