// fixture-path: v3-app/src/cache.js
const redis = require('redis');

// redis 3: these options are right as they are.
const client = redis.createClient({ host: 'cache', port: 6380, db: 2, enable_offline_queue: false });
client.on('error', console.error);
module.exports = client;
