const { createClient } = require('redis');

const socket = {
  host: process.env.HOST,
  port: 6379,
  reconnectStrategy(retries) {
    if (retries > 5) return false;
    return retries * 200;
  },
};
const options = { socket, database: 2 };

const client = createClient(options);
client.on('error', (e) => { /* ignored */ });
client.connect().catch(() => process.exit(1));
