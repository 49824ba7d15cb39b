import { Caller, Role } from '@lianxiao/platform';
import { mayReadDealerPoints } from './dealer-points-access';

const person = (roles: Role[], extra: Partial<Caller> = {}): Caller => ({ userId: 'u1', username: 'someone', roles, ...extra });

describe('who may read a dealer’s points', () => {
  it('lets dealer staff read their own dealer only', () => {
    const staff = person([Role.DEALER], { dealerId: 'd05' });
    expect(mayReadDealerPoints(staff, 'd05')).toBe(true);
    expect(mayReadDealerPoints(staff, 'd06')).toBe(false);
  });

  it('refuses dealer staff without a dealer and anonymous callers', () => {
    expect(mayReadDealerPoints(person([Role.DEALER]), 'd05')).toBe(false);
    expect(mayReadDealerPoints(null, 'd05')).toBe(false);
  });

  it('lets headquarters read any dealer', () => {
    expect(mayReadDealerPoints(person([Role.DIRECTOR]), 'd06')).toBe(true);
    expect(mayReadDealerPoints(person([Role.FINANCE]), 'd06')).toBe(true);
    expect(mayReadDealerPoints(person([Role.SUPERVISOR], { region: '华东' }), 'd06')).toBe(true);
  });
});
