const { createClient } = require('redis');

const client = createClient({ database: 2, url: 'redis://cache:6379' });
client.on('error', console.error);
client.connect();
