const { createClient } = require('redis');

const client = createClient();
client.on('error', console.error);

process.on('SIGHUP', () => {
  client.connect();
});
