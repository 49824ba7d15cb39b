import { createHash, randomBytes } from 'node:crypto';

/**
 * The confirmation link carries a 256-bit random token; only its SHA-256 is stored. Whoever holds
 * the mail can answer (as with any emailed link), nobody can guess or derive one, and no shared
 * signing secret has to be distributed to every replica or survive restarts.
 */
export function newStatementToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashStatementToken(token) };
}

export function hashStatementToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
