/** The search routes: files/search_v2 and files/search/continue_v2. */
import type { HandlerMap } from '../contract';
import { searchContinueV2, searchV2 } from './search';

export const searchHandlers: HandlerMap = {
	'files/search_v2': searchV2,
	'files/search/continue_v2': searchContinueV2,
};
