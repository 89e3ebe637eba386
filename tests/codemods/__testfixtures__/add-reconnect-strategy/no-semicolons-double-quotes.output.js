import { createClient } from "redis"

export const client = createClient({
  url: "redis://localhost:6379",
  socket: {
    keepAlive: true,
    reconnectStrategy: (retries, cause) =>
      retries >= 20
        ? new Error("Redis: gave up reconnecting after 20 attempts: " + cause.message)
        : Math.min(2 ** retries * 50, 2000)
  }
})
