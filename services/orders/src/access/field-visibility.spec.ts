import { Caller, DomainError, Role } from '@lianxiao/platform';
import { CRAFT_NOTES_RULE, GROSS_MARGIN_RULE, mayReadField, revealField } from './field-visibility';

const person = (...roles: Role[]): Caller => ({ userId: 'u1', username: 'someone', roles });

describe('field visibility', () => {
  it.each([Role.DIRECTOR, Role.FINANCE, Role.ADMIN])('shows the gross margin to %s', (role) => {
    expect(mayReadField(person(role), GROSS_MARGIN_RULE)).toBe(true);
    expect(revealField(person(role), GROSS_MARGIN_RULE, 0.32)).toBe(0.32);
  });

  it.each([Role.REP, Role.SUPERVISOR, Role.PRODUCTION, Role.LEGAL, Role.DEALER])('hides the gross margin from %s with FIELD_HIDDEN', (role) => {
    expect(mayReadField(person(role), GROSS_MARGIN_RULE)).toBe(false);
    expect(() => revealField(person(role), GROSS_MARGIN_RULE, 0.32)).toThrow(
      expect.objectContaining({ code: 'FIELD_HIDDEN', messageZh: '无权查看毛利率', messageEn: 'You may not read the gross margin' }),
    );
  });

  it('shows craft notes to production and admin only', () => {
    expect(mayReadField(person(Role.PRODUCTION), CRAFT_NOTES_RULE)).toBe(true);
    expect(mayReadField(person(Role.ADMIN), CRAFT_NOTES_RULE)).toBe(true);
    for (const role of [Role.DIRECTOR, Role.REP, Role.ENGINEER, Role.FINANCE]) {
      expect(mayReadField(person(role), CRAFT_NOTES_RULE)).toBe(false);
    }
  });

  it('hides everything from an anonymous caller', () => {
    expect(() => revealField(null, CRAFT_NOTES_RULE, 'x')).toThrow(DomainError);
  });

  it('lets a caller with several roles read when any of them may', () => {
    expect(mayReadField(person(Role.REP, Role.FINANCE), GROSS_MARGIN_RULE)).toBe(true);
  });
});
