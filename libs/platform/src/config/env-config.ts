/**
 * Validated configuration from environment variables. A wrong value stops start-up with one
 * line that names the variable, what it holds and what is expected.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly problem: string,
  ) {
    super(`Configuration error: ${variable} ${problem} / 配置错误：${variable} ${problem}`);
    this.name = 'ConfigError';
  }
}

type Env = Record<string, string | undefined>;

export interface EnvReader {
  string(name: string, fallback?: string): string;
  optional(name: string): string | undefined;
  port(name: string, fallback: number): number;
  int(name: string, fallback: number, min?: number, max?: number): number;
  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T;
  list(name: string): string[];
  boolean(name: string, fallback: boolean): boolean;
}

export function envReader(env: Env = process.env): EnvReader {
  const raw = (name: string): string | undefined => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? undefined : value.trim();
  };
  return {
    string(name, fallback) {
      const value = raw(name) ?? fallback;
      if (value === undefined) throw new ConfigError(name, 'is required but not set');
      return value;
    },
    optional: raw,
    port(name, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < 0 || n > 65535) {
        throw new ConfigError(name, `must be a TCP port 0-65535, got "${value}"`);
      }
      return n;
    },
    int(name, fallback, min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER) {
      const value = raw(name);
      if (value === undefined) return fallback;
      const n = Number(value);
      if (!Number.isInteger(n) || n < min || n > max) {
        throw new ConfigError(name, `must be an integer in [${min}, ${max}], got "${value}"`);
      }
      return n;
    },
    oneOf(name, values, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (!(values as readonly string[]).includes(value)) {
        throw new ConfigError(name, `must be one of ${values.join(', ')}, got "${value}"`);
      }
      return value as (typeof values)[number];
    },
    list(name) {
      const value = raw(name);
      return value === undefined ? [] : value.split(',').map((s) => s.trim()).filter(Boolean);
    },
    boolean(name, fallback) {
      const value = raw(name);
      if (value === undefined) return fallback;
      if (['1', 'true', 'yes', 'on'].includes(value.toLowerCase())) return true;
      if (['0', 'false', 'no', 'off'].includes(value.toLowerCase())) return false;
      throw new ConfigError(name, `must be true or false, got "${value}"`);
    },
  };
}
