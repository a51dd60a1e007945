/**
 * What the engine does when a call fails after the transport's own retries: start over from a new baseline
 * (`reset`), stop (the trigger is closing), tell a person (the credential no longer works, the folder is gone,
 * the request is wrong: waiting does not help), or back off and try again (the network, Dropbox's 5xx and 429).
 */
import { DropboxApiError } from '../transport';
import { failureKind } from '../transport/failure';

export type FailureHandling = 'reset' | 'stop' | 'tellPerson' | 'retryLater';

export function handlingOf(error: unknown, closing: boolean): FailureHandling {
	if (closing) return 'stop';
	if (!(error instanceof DropboxApiError)) return 'retryLater';
	const failure = error.failure;
	if (failure.status === 409 && error.dropboxTags[0] === 'reset') return 'reset';
	switch (failureKind(failure)) {
		case 'aborted':
			return 'stop';
		case 'network':
		case 'server':
		case 'rateLimit':
			return 'retryLater';
		default:
			return 'tellPerson';
	}
}

/** Waits between rounds that keep failing for a passing reason: 1 s, doubling, at most a minute. */
export function retryDelayMs(failuresInARow: number): number {
	return Math.min(60_000, 1000 * 2 ** Math.max(0, failuresInARow - 1));
}
