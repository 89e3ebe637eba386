import { createClient, createCluster } from 'redis';

// `socket` goes where a person would look for it: right after `url`, not after every other option.
export const client = createClient({
  url: process.env.REDIS_URL, // the primary
  socket: { connectTimeout: 10000 },
  clientInfoTag: 'worker',
  disableOfflineQueue: true,
  commandsQueueMaxLength: 1000,

  pingInterval: 60_000,
});

export const inline = createClient({
  pingInterval: 1000,
  url: 'redis://b',
  socket: { connectTimeout: 10000 },
  name: 'inline',
});

// No `url`: after the first connection option.
export const named = createClient({
  commandsQueueMaxLength: 100,
  database: 2,
  socket: { connectTimeout: 10000 },
  name: 'jobs',
  pingInterval: 1000,
});

export const cluster = createCluster({
  rootNodes: [{ url: 'redis://c' }],
  defaults: {
    username: 'app',
    socket: { connectTimeout: 10000 },
    password: process.env.REDIS_PASSWORD,
  },
});
