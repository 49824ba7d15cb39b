/** A unique index refused the row (SQLite `SQLITE_CONSTRAINT_UNIQUE`, MariaDB/MySQL `ER_DUP_ENTRY`). */
export function isDuplicateKeyError(error: unknown): boolean {
  const candidates = [error, (error as { driverError?: unknown } | null)?.driverError];
  return candidates.some((e) => {
    const code = (e as { code?: unknown } | null)?.code;
    return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'ER_DUP_ENTRY';
  });
}
