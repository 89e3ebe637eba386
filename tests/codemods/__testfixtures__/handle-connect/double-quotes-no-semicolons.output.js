const { createClient } = require("redis")

const client = createClient()
client.on("error", (err) => console.error(err))
client.connect().catch((err) => console.error("Redis client failed to connect:", err))

module.exports = client
