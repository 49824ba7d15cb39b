/** What a database span may say about a statement: its kind and its first table, never values. */
export interface StatementSummary {
  /** SELECT, INSERT, UPDATE, DELETE, START TRANSACTION, COMMIT, … */
  operation: string;
  /** The table the statement reads or writes first, without schema or quotes. */
  table?: string;
}

const IDENTIFIER = String.raw`[\x60"\[]?([\w$]+)[\x60"\]]?(?:\s*\.\s*[\x60"\[]?([\w$]+)[\x60"\]]?)?`;
const TABLE_AFTER: Record<string, RegExp> = {
  SELECT: new RegExp(String.raw`\bFROM\s+(?!\()` + IDENTIFIER, 'i'),
  DELETE: new RegExp(String.raw`\bFROM\s+` + IDENTIFIER, 'i'),
  INSERT: new RegExp(String.raw`\bINTO\s+` + IDENTIFIER, 'i'),
  REPLACE: new RegExp(String.raw`\bINTO\s+` + IDENTIFIER, 'i'),
  UPDATE: new RegExp(String.raw`^\s*UPDATE\s+(?:LOW_PRIORITY\s+|IGNORE\s+|OR\s+\w+\s+)*` + IDENTIFIER, 'i'),
};
const TWO_WORDS = new Set(['START', 'SET', 'RELEASE', 'ROLLBACK', 'CREATE', 'ALTER', 'DROP']);

export function summarizeStatement(sql: string): StatementSummary {
  const words = /^\s*(?:\/\*[\s\S]*?\*\/\s*)*([A-Za-z]+)(?:\s+([A-Za-z]+))?/.exec(sql);
  if (!words) return { operation: 'SQL' };
  const first = words[1].toUpperCase();
  // "SET SESSION", "START TRANSACTION", "CREATE TABLE": the second word is part of what it does.
  const operation = TWO_WORDS.has(first) && words[2] && /^[A-Za-z]+$/.test(words[2]) ? `${first} ${words[2].toUpperCase()}` : first;
  const pattern = TABLE_AFTER[first === 'WITH' ? 'SELECT' : first];
  const match = pattern?.exec(sql);
  const table = match ? (match[2] ?? match[1]) : undefined;
  return table ? { operation, table } : { operation };
}
