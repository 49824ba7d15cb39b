import { DomainError } from '../errors/domain-error';
import { loadServiceConfig } from './service-config';
import { assertTestHooksEnabled, TEST_HOOKS_DISABLED } from './test-hooks';

const MYSQL = 'mysql://root@127.0.0.1:3306/lianxiao_customers';

describe('test hooks', () => {
  it('are on in the embedded demo (SQLite) and off in production mode on MySQL unless LIANXIAO_TEST_HOOKS=true', () => {
    expect(loadServiceConfig('customers', 4001, { DATA_DIR: '/tmp/x' }).testHooks).toBe(true);
    expect(loadServiceConfig('customers', 4001, { DATABASE_URL: MYSQL }).testHooks).toBe(false);
    expect(loadServiceConfig('customers', 4001, { DATABASE_URL: MYSQL, LIANXIAO_TEST_HOOKS: 'true' }).testHooks).toBe(true);
    expect(loadServiceConfig('customers', 4001, { DATA_DIR: '/tmp/x', LIANXIAO_TEST_HOOKS: 'false' }).testHooks).toBe(false);
    expect(loadServiceConfig('customers', 4001, { DATA_DIR: '/tmp/x', NODE_ENV: 'production', INTERNAL_SECRET: 'a-production-secret-value' }).testHooks).toBe(false);
    expect(() => loadServiceConfig('customers', 4001, { LIANXIAO_TEST_HOOKS: 'maybe' })).toThrow(/LIANXIAO_TEST_HOOKS/);
  });

  it('refuse with a coded zh + en error when off, and pass when on', () => {
    expect(() => assertTestHooksEnabled({ testHooks: true }, { zh: '模拟 ERP 推送', en: 'Simulating an ERP update' })).not.toThrow();
    let refusal: unknown;
    try {
      assertTestHooksEnabled({ testHooks: false }, { zh: '模拟 ERP 推送', en: 'Simulating an ERP update' });
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(DomainError);
    expect((refusal as DomainError).toExtensions()).toEqual({
      code: TEST_HOOKS_DISABLED,
      messageZh: '模拟 ERP 推送仅在测试或演示模式下可用（LIANXIAO_TEST_HOOKS=true）',
      messageEn: 'Simulating an ERP update is only available in test or demo mode (LIANXIAO_TEST_HOOKS=true)',
    });
  });
});
