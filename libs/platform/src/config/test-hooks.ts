import { DomainError } from '../errors/domain-error';
import type { EnvReader } from './env-config';

export const TEST_HOOKS_VARIABLE = 'LIANXIAO_TEST_HOOKS';
export const TEST_HOOKS_DISABLED = 'TEST_HOOKS_DISABLED';

/**
 * Test hooks are the operations that fake what production must not fake: the clock (`at` of
 * runAlertSweep / runTaskReminders) and external systems (simulateErpCustomerMasterUpdate).
 * On with LIANXIAO_TEST_HOOKS=true, and by default in the embedded demo (SQLite, not
 * NODE_ENV=production); off on MySQL/MariaDB unless the variable says so.
 */
export function testHooksEnabled(read: Pick<EnvReader, 'boolean'>, databaseUrl: string, production: boolean): boolean {
  return read.boolean(TEST_HOOKS_VARIABLE, databaseUrl.startsWith('sqlite:') && !production);
}

/** Refuses a test hook (coded, zh + en, changes nothing) unless this process runs with test hooks on. */
export function assertTestHooksEnabled(config: { testHooks: boolean }, hook: { zh: string; en: string }): void {
  if (config.testHooks) return;
  throw new DomainError(
    TEST_HOOKS_DISABLED,
    `${hook.zh}仅在测试或演示模式下可用（${TEST_HOOKS_VARIABLE}=true）`,
    `${hook.en} is only available in test or demo mode (${TEST_HOOKS_VARIABLE}=true)`,
    [],
    403,
  );
}
