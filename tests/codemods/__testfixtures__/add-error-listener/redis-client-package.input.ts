import { createClient } from '@redis/client';

let connection: ReturnType<typeof createClient> | undefined;

export async function getConnection() {
  if (!connection) {
    connection = createClient({ database: 2 });
    await connection.connect();
  }
  return connection;
}
