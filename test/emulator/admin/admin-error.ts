/** A failed admin call: JSON `{error}` with a status. */
export class AdminError extends Error {
	constructor(
		readonly status: number,
		message: string,
	) {
		super(message);
	}
}
