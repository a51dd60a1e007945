/** Runs `work(0 … count-1)` with at most `limit` running at once, in index order of starting. */
export async function inParallel(count: number, limit: number, work: (index: number) => Promise<void>): Promise<void> {
	let next = 0;
	const worker = async () => {
		while (next < count) {
			const index = next++;
			await work(index);
		}
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, count)) }, worker));
}
