import { createClient } from "redis";

export async function connect(url: string) {
  const client = createClient({ url, name: "worker" });
  await client.connect();
  return client;
}
