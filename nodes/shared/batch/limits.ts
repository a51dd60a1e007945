/** Entries in one call of a batch route (copy_batch_v2, move_batch_v2, delete_batch, finish_batch_v2: the specification's max_items). */
export const MAX_BATCH_ENTRIES = 1000;
