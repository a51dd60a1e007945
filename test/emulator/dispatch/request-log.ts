/** Every request to a Dropbox host, in arrival order: what `GET /__admin/log` answers. */
export interface LogEntry {
	host: string;
	route: string;
	status: number;
	ms: number;
}

export class RequestLog {
	private entries: LogEntry[] = [];

	append(entry: LogEntry): void {
		this.entries.push(entry);
	}

	all(): LogEntry[] {
		return [...this.entries];
	}

	clear(): void {
		this.entries = [];
	}
}
