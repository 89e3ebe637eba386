const client = require('redis').createClient();
client.on('error', console.error);
client.connect().catch((err) => console.error('Redis client failed to connect:', err));
