import { once } from 'node:events';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordedRequest {
	method: string;
	path: string;
	headers: IncomingHttpHeaders;
	body: Buffer;
}

export type RequestHandler = (request: RecordedRequest, response: ServerResponse) => void;

/** A loopback HTTP server for harness tests: records each request, answers with `handler`. */
export class LocalHttpServer {
	readonly requests: RecordedRequest[] = [];

	private constructor(
		private readonly server: Server,
		readonly url: string,
	) {}

	static async start(handler: RequestHandler): Promise<LocalHttpServer> {
		let instance: LocalHttpServer | undefined;
		const server = createServer((incoming: IncomingMessage, response: ServerResponse) => {
			const chunks: Buffer[] = [];
			incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
			incoming.on('end', () => {
				const request: RecordedRequest = {
					method: incoming.method ?? 'GET',
					path: incoming.url ?? '/',
					headers: incoming.headers,
					body: Buffer.concat(chunks),
				};
				instance?.requests.push(request);
				handler(request, response);
			});
		});
		server.listen(0, '127.0.0.1');
		await once(server, 'listening');
		const { port } = server.address() as AddressInfo;
		instance = new LocalHttpServer(server, `http://127.0.0.1:${port}`);
		return instance;
	}

	/** Requests whose path (without query) equals `path`. */
	requestsTo(path: string): RecordedRequest[] {
		return this.requests.filter((request) => request.path.split('?')[0] === path);
	}

	async stop(): Promise<void> {
		this.server.closeAllConnections();
		await new Promise<void>((resolve) => this.server.close(() => resolve()));
	}
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
	response.writeHead(status, { 'content-type': 'application/json' });
	response.end(JSON.stringify(body));
}
