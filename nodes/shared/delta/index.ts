/**
 * Dropbox's change feed as exactly-once changes, for every trigger node: cursor state kept with what it was made
 * for, pages after a cursor, entries → events, filters, the hand-over order that loses nothing, failure handling
 * and the guard against a second live copy. Independent of how a trigger is driven (long-poll, schedule, webhook).
 */
export { DeltaEngine, type DeltaEngineOptions, type DeltaLog, type RoundHandlers } from './engine';
export { STATE_KEY, readState, type DeltaState } from './cursorState';
export { LONGPOLL_TIMEOUT_S, PAGE_LIMIT } from './changes';
export { NO_FILTERS, compileFilters, globToRegExp, parseExtensions, type EntryFilters } from './filters';
export { IN_FLIGHT, handOverPage, type ChangeSink } from './handoff';
export { changeItem } from './items';
export { changeKey, cursorDigest, deduplicationKey } from './keys';
export { claimLiveCopy, type LiveCopy } from './liveCopy';
export { scopeId, type WatchScope } from './scope';
export { EVENT_NAMES, type ChangeEvent, type ChangeItem, type EventName, type ListedEntry } from './types';
