module.exports = require('redis').createClient({ socket: { reconnectStrategy: false } });
