import { createClient } from "redis";

export async function connect(url: string) {
  const client = createClient({ url, name: "worker" });
  client.on("error", (err) => console.error("Redis client error:", err));
  await client.connect();
  return client;
}
