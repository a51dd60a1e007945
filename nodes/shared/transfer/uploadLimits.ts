/** Dropbox's limits on uploads (the specification's UploadSessionLookupError and request size rules). */
export const MIB = 1024 * 1024;
/** Chunks of concurrent sessions, and of ours, are multiples of this. */
export const CHUNK_UNIT_BYTES = 4 * MIB;
/** One request carries at most 150 MiB; chunks stay a multiple of 4 MiB below it. */
export const MAX_CHUNK_BYTES = 148 * MIB;
export const DEFAULT_CHUNK_BYTES = 48 * MIB;
/** The largest file Dropbox stores: 2^41 − 2^22 bytes. */
export const MAX_FILE_BYTES = 2 ** 41 - 2 ** 22;
