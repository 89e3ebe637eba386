import { createClient } from 'redis';

export const client = createClient({
  // TODO: credentials come from the vault
});
