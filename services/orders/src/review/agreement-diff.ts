import { SPEC_FIELDS, SpecFieldKey, TechnicalSpecValues } from '../requirement-ticket/technical-spec';

export type SpecSnapshot = { [K in SpecFieldKey]: string | number | null };

export interface SpecFieldChange {
  field: SpecFieldKey;
  labelZh: string;
  labelEn: string;
  before: string | null;
  after: string | null;
}

const asText = (v: string | number | null | undefined): string | null => (v === null || v === undefined ? null : String(v));

/** The 12 spec fields of a ticket, frozen as a technical agreement version. */
export function specSnapshot(values: TechnicalSpecValues): SpecSnapshot {
  const snapshot = {} as SpecSnapshot;
  for (const f of SPEC_FIELDS) snapshot[f.key] = values[f.key] ?? null;
  return snapshot;
}

/** Fields whose value differs between two versions, in form order. */
export function diffSnapshots(before: Partial<SpecSnapshot>, after: Partial<SpecSnapshot>): SpecFieldChange[] {
  return SPEC_FIELDS.filter((f) => asText(before[f.key]) !== asText(after[f.key])).map((f) => ({
    field: f.key,
    labelZh: f.labelZh,
    labelEn: f.labelEn,
    before: asText(before[f.key]),
    after: asText(after[f.key]),
  }));
}

export function isSpecFieldKey(key: string): key is SpecFieldKey {
  return SPEC_FIELDS.some((f) => f.key === key);
}
