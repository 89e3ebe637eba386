const { createClient } = require('redis');

async function main() {
  const client = createClient();
  client.on('error', (err) => console.error('Redis client error:', err));
  await client.connect();
  console.log(await client.ping());
  await client.close();
}

main();
