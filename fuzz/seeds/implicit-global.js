import { createClient } from 'redis';

function init(url) {
  conn = createClient({ url });
  return conn.connect();
}

export { init };
