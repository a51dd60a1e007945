/** The platform's own routes: auth, users, check. */
import type { HandlerMap } from '../contract';
import { authHandlers } from './auth';
import { checkHandlers } from './check';
import { usersHandlers } from './users';

export const platformHandlers: HandlerMap = { ...authHandlers, ...usersHandlers, ...checkHandlers };
