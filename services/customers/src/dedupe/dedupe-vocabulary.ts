export const DedupeErrorCode = {
  MERGE_NEEDS_TWO: 'MERGE_NEEDS_TWO',
  CUSTOMER_ALREADY_MERGED: 'CUSTOMER_ALREADY_MERGED',
  MERGE_ALREADY_UNDONE: 'MERGE_ALREADY_UNDONE',
  MERGE_UNDO_BLOCKED: 'MERGE_UNDO_BLOCKED',
  CUSTOMER_NOT_STALE: 'CUSTOMER_NOT_STALE',
} as const;

/** Most customers one merge may fold into a survivor (the event allows 100). */
export const MAX_MERGE = 20;
/** Most customers one archive call may take. */
export const MAX_ARCHIVE = 500;
