export const ImportErrorCode = {
  IMPORT_WRONG_STATUS: 'IMPORT_WRONG_STATUS',
  IMPORT_CHUNK_INVALID: 'IMPORT_CHUNK_INVALID',
} as const;

export const MAX_IMPORT_BYTES = 32 * 1024 * 1024;
/** Decoded bytes per chunk: its Base64 (≈1.37 MB) stays under the gateway's 2 MB body limit. */
export const MAX_CHUNK_BYTES = 1024 * 1024;
export const MAX_IMPORT_ROWS = 200_000;
/** Rows per multi-row INSERT (well under SQLite's 32,766 bound variables and MariaDB's packet size). */
export const INSERT_CHUNK = 500;
