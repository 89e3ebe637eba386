const redis = require("redis")

module.exports = function makeStore(config) {
	const store = redis.createClient({
		url: config.url,
		socket: {
			connectTimeout: config.timeout,
		},
	})
	store.on("error", (err) => config.log(err))
	return store
}
