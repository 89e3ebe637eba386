const { createClient } = require('redis');

const client = createClient();
client.on('error', console.error);
client.connect().then(() => console.log('Redis ready')).catch((err) => console.error('Redis client failed to connect:', err));
