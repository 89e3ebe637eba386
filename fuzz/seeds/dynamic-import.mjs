export async function open() {
  const { createClient } = await import('redis');
  const client = createClient({ socket: { connectTimeout: 500, reconnectStrategy: 0 } });
  await client.connect();
  return client;
}
