const { createClient } = require('redis');

exports.client = createClient({ socket: { reconnectStrategy: () => false } });
