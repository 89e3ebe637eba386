import { createClient } from 'redis'

// Tabs, no trailing commas, no semicolons: the broken strategy follows the file.
export function connect(url: string) {
	return createClient({
		url,
		socket: { reconnectStrategy: false }
	})
}
