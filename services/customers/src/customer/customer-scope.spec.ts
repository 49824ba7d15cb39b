import { dataScopeOf, Role } from '@lianxiao/platform';
import { customerScopeWhere, isCustomerInScope } from './customer-scope';

const caller = (roles: Role[], extra: { region?: string | null; dealerId?: string | null } = {}) => ({ userId: 'u1', username: 'u', roles, ...extra });

describe('customerScopeWhere', () => {
  it('lets directors, admins and back-office roles see every customer', () => {
    for (const role of [Role.DIRECTOR, Role.ADMIN, Role.ENGINEER, Role.PROCUREMENT, Role.PRODUCTION, Role.LEGAL, Role.FINANCE]) {
      expect(customerScopeWhere(dataScopeOf(caller([role])))).toEqual({});
    }
  });

  it('narrows a supervisor to their region', () => {
    expect(customerScopeWhere(dataScopeOf(caller([Role.SUPERVISOR], { region: '华东' })))).toEqual({ region: '华东' });
  });

  it('narrows a rep to their own customers', () => {
    expect(customerScopeWhere(dataScopeOf(caller([Role.REP], { region: '华东' })))).toEqual({ ownerId: 'u1' });
  });

  it('gives dealer staff, supervisors without a region and anonymous callers nothing', () => {
    expect(customerScopeWhere(dataScopeOf(caller([Role.DEALER], { dealerId: 'd5' })))).toBeNull();
    expect(customerScopeWhere(dataScopeOf(caller([Role.SUPERVISOR])))).toBeNull();
    expect(customerScopeWhere(dataScopeOf(null))).toBeNull();
  });
});

describe('isCustomerInScope', () => {
  const east = { region: '华东', ownerId: 'u1' };
  const south = { region: '华南', ownerId: 'u2' };

  it('admits everything for an unrestricted scope and nothing for none', () => {
    expect(isCustomerInScope({}, south)).toBe(true);
    expect(isCustomerInScope(null, east)).toBe(false);
  });

  it('checks the region and the owner', () => {
    expect(isCustomerInScope({ region: '华东' }, east)).toBe(true);
    expect(isCustomerInScope({ region: '华东' }, south)).toBe(false);
    expect(isCustomerInScope({ ownerId: 'u1' }, east)).toBe(true);
    expect(isCustomerInScope({ ownerId: 'u1' }, south)).toBe(false);
  });
});
