import { createClient } from '@redis/client';

let connection: ReturnType<typeof createClient> | undefined;

export async function getConnection() {
  if (!connection) {
    connection = createClient({ database: 2 });
    connection.on('error', (err) => console.error('Redis client error:', err));
    await connection.connect();
  }
  return connection;
}
