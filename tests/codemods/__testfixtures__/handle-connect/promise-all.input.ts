import { createClient } from 'redis';

const publisher = createClient();
publisher.on('error', console.error);
const subscriber = publisher.duplicate();
subscriber.on('error', console.error);

Promise.all([publisher.connect(), subscriber.connect()]);
