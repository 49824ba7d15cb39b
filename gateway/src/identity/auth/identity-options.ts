import { envReader, ConfigError } from '@lianxiao/platform';

export const IDENTITY_OPTIONS = Symbol('IDENTITY_OPTIONS');

export interface IdentityOptions {
  jwtSecret: string;
  accessTokenTtlSeconds: number;
  refreshTokenTtlDays: number;
  maxFailedLogins: number;
  lockMinutes: number;
}

export function loadIdentityOptions(env: Record<string, string | undefined> = process.env): IdentityOptions {
  const read = envReader(env);
  const production = env.NODE_ENV === 'production';
  const jwtSecret = read.string('JWT_SECRET', production ? undefined : 'lianxiao-embedded-jwt-secret-change-me');
  if (jwtSecret.length < 16) throw new ConfigError('JWT_SECRET', 'must be at least 16 characters');
  return {
    jwtSecret,
    accessTokenTtlSeconds: read.int('ACCESS_TOKEN_TTL_SECONDS', 900, 30, 86_400),
    refreshTokenTtlDays: read.int('REFRESH_TOKEN_TTL_DAYS', 14, 1, 365),
    maxFailedLogins: read.int('MAX_FAILED_LOGINS', 5, 1, 100),
    lockMinutes: read.int('LOCK_MINUTES', 15, 1, 1440),
  };
}
