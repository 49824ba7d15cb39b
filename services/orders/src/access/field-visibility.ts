import { Caller, CommonErrorCode, DomainError, hasRole, Role } from '@lianxiao/platform';

/**
 * Fields some HQ roles may not read. A hidden field answers null plus a FIELD_HIDDEN error, so a
 * client can tell "you may not see this" from "there is no value".
 */
export interface HiddenFieldRule {
  field: string;
  labelZh: string;
  labelEn: string;
  readableBy: readonly Role[];
}

export const GROSS_MARGIN_RULE: HiddenFieldRule = {
  field: 'grossMargin',
  labelZh: '毛利率',
  labelEn: 'gross margin',
  readableBy: [Role.DIRECTOR, Role.FINANCE, Role.ADMIN],
};

export const CRAFT_NOTES_RULE: HiddenFieldRule = {
  field: 'craftNotes',
  labelZh: '工艺备注',
  labelEn: 'craft notes',
  readableBy: [Role.PRODUCTION, Role.ADMIN],
};

export function mayReadField(caller: Caller | null | undefined, rule: HiddenFieldRule): boolean {
  return hasRole(caller, ...rule.readableBy);
}

export function fieldHiddenError(rule: HiddenFieldRule): DomainError {
  return new DomainError(
    CommonErrorCode.FIELD_HIDDEN,
    `无权查看${rule.labelZh}`,
    `You may not read the ${rule.labelEn}`,
    [{ field: rule.field, messageZh: `${rule.labelZh}仅对特定角色可见`, messageEn: `${rule.labelEn} is visible to some roles only` }],
    403,
  );
}

/** The value when the caller may read it; otherwise throws FIELD_HIDDEN (the field becomes null). */
export function revealField<T>(caller: Caller | null | undefined, rule: HiddenFieldRule, value: T): T {
  if (!mayReadField(caller, rule)) throw fieldHiddenError(rule);
  return value;
}
