/** Every served route: the platform's handlers and the files part's. */
import type { HandlerMap } from './contract';
import { filesHandlers } from './files';
import { platformHandlers } from './handlers/index';

export const allHandlers: HandlerMap = { ...platformHandlers, ...filesHandlers };
