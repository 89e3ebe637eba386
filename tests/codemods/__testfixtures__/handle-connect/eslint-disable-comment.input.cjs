const { createClient } = require('redis');

const cache = createClient();
cache.on('error', console.error);
// eslint-disable-next-line redis/no-floating-connect -- started by the supervisor, which exits on failure anyway
cache.connect();

const queue = createClient();
queue.on('error', console.error);
queue.connect();
