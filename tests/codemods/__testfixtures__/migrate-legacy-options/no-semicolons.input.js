import { createClient } from 'redis'

const client = createClient({ url: process.env.REDIS_URL, db: 3, reconnectStrategy: (retries) => Math.min(retries * 50, 500) })
client.on('error', err => console.error(err))
await client.connect()
