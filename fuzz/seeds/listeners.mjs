import * as redis from 'redis';

const ERROR = 'error';
const client = redis.createClient();
client.once('error', (err) => console.error('first failure', err));
client.on('ready', () => console.log('ready'));

const other = redis.createClient({ url: 'redis://other' })
  .on(ERROR, (err) => console.error(err))
  .on('end', () => console.log('closed'));

await Promise.all([client.connect(), other.connect()]);
