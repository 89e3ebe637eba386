const { createClient } = require('redis');

const client = createClient('redis://cache:6379', { db: 2 });
client.on('error', console.error);
client.connect();
