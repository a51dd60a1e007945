import { failureFromResponse, readTagChain, type DropboxApiError, type DropboxSession, type ErrorContext } from '../transport';

/**
 * The error of one entry of a batch answer (a union such as `{'.tag':'to', to:{'.tag':'conflict', …}}`), as the
 * same DropboxApiError the entry's single route would have thrown: same summary, tags, hint and Continue On Fail
 * fields, so that a batched item fails exactly as it would alone.
 */
export function entryError(session: DropboxSession, failure: unknown, errorContext: ErrorContext | undefined): DropboxApiError {
	const summary = readTagChain(failure).tags.join('/');
	return session.failed(failureFromResponse(409, {}, { error_summary: summary, error: failure }), errorContext);
}
