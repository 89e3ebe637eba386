import { createClient } from "redis";

export const client = createClient({
  socket: {
    host: "cache.internal",

    // fail fast instead of retrying
    reconnectStrategy: false, // TODO: revisit
  },
});
