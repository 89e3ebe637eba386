const { createClient } = require('redis');

const client = createClient()
  .on('error', (err) => console.error(err));
client.connect();

createClient().on('error', console.error).connect();
