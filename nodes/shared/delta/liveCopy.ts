/**
 * One live copy per trigger node in a process. n8n may activate a trigger again while an older activation is
 * still running (re-activation after an error, a background check that finds the workflow "not active"); two
 * copies would hand every change over twice. Each activation takes a fresh token; a copy whose token is no
 * longer the current one stops at its next step.
 */
const current = new Map<string, symbol>();

export interface LiveCopy {
	/** False once a newer activation of the same node has started. */
	isCurrent(): boolean;
	/** Gives the place up (when the copy closes), unless a newer copy holds it. */
	release(): void;
}

export function claimLiveCopy(workflowId: string, nodeId: string): LiveCopy {
	const key = `${workflowId}:${nodeId}`;
	const token = Symbol(key);
	current.set(key, token);
	return {
		isCurrent: () => current.get(key) === token,
		release: () => {
			if (current.get(key) === token) current.delete(key);
		},
	};
}
