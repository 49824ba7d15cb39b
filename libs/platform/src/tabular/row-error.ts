/** One problem in one cell (or the whole row when `column` is empty) of an uploaded sheet. */
export interface RowError {
  /** 1-based row number as the user sees it in Excel (the header is row 1). */
  row: number;
  /** The header text of the column as it appears in the file, or the column key when absent. */
  column: string;
  reasonZh: string;
  reasonEn: string;
}

export const TabularErrorCode = {
  TABULAR_FILE_TOO_LARGE: 'TABULAR_FILE_TOO_LARGE',
  TABULAR_TOO_MANY_ROWS: 'TABULAR_TOO_MANY_ROWS',
  TABULAR_UNSUPPORTED_FORMAT: 'TABULAR_UNSUPPORTED_FORMAT',
  TABULAR_UNREADABLE: 'TABULAR_UNREADABLE',
} as const;
