import { createClient } from 'redis';

export const client = createClient({
  username: 'app',

  password: process.env.REDIS_PASSWORD, // never log this

  socket: {
    // TLS to the managed instance
    tls: true,

    host: 'redis.example.com', /* primary */
    port: 6380
  },

  /* keep the database last */
  database: 3,
});
