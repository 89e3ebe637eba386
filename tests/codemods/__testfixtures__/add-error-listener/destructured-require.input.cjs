const { createClient } = require('redis');

async function main() {
  const client = createClient();
  await client.connect();
  console.log(await client.ping());
  await client.close();
}

main();
