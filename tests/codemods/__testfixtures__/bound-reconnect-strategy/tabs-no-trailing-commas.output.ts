import { createClient } from 'redis'

// Tabs, no trailing commas, no semicolons: the broken strategy follows the file.
export function connect(url: string) {
	return createClient({
		url,
		socket: {
			reconnectStrategy: (retries: number, cause: Error) =>
				retries >= 20
					? new Error(
						'Redis: gave up reconnecting after 20 attempts: ' + cause.message
					)
					: Math.min(2 ** retries * 50, 2000)
		}
	})
}
