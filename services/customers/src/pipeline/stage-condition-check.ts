import { ErrorDetail } from '@lianxiao/platform';
import { StageConditions } from '../stage/stage-conditions';
import { evidenceLabel, fieldLabel, Label } from './pipeline-vocabulary';

export type MissingKind = 'node' | 'field' | 'evidence';

export interface MissingItem {
  kind: MissingKind;
  code: string;
  nameZh: string;
  nameEn: string;
}

/** What is known about a customer when its conditions are checked. */
export interface ConditionFacts {
  completedNodes: ReadonlySet<string>;
  evidenceTypes: ReadonlySet<string>;
  customer: Record<string, unknown>;
}

function isFilled(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (typeof value === 'number') return value !== 0 && !Number.isNaN(value);
  if (Array.isArray(value)) return value.length > 0;
  return true;
}

/**
 * Every item of the given conditions that the facts do not satisfy, in condition order
 * (nodes, then fields, then evidence), each named once. Pure.
 */
export function missingItems(
  conditions: readonly StageConditions[],
  facts: ConditionFacts,
  nodeLabel: (code: string) => Label,
): MissingItem[] {
  const seen = new Set<string>();
  const missing: MissingItem[] = [];
  const add = (kind: MissingKind, code: string, label: Label) => {
    const key = `${kind}:${code}`;
    if (seen.has(key)) return;
    seen.add(key);
    missing.push({ kind, code, nameZh: label.zh, nameEn: label.en });
  };
  for (const c of conditions) for (const n of c.requiredNodes) if (!facts.completedNodes.has(n)) add('node', n, nodeLabel(n));
  for (const c of conditions) for (const f of c.requiredFields) if (!isFilled(facts.customer[f])) add('field', f, fieldLabel(f));
  for (const c of conditions) for (const e of c.requiredEvidence) if (!facts.evidenceTypes.has(e)) add('evidence', e, evidenceLabel(e));
  return missing;
}

/** "缺少：合同盖章扫描件、签字页特写" / "Missing: contract scan with company seal, close-up of the signature page". */
export function missingMessage(items: readonly MissingItem[]): { messageZh: string; messageEn: string; details: ErrorDetail[] } {
  const kindZh: Record<MissingKind, string> = { node: '未完成节点', field: '未填写字段', evidence: '缺少附件' };
  const kindEn: Record<MissingKind, string> = { node: 'node not completed', field: 'field not filled', evidence: 'evidence missing' };
  return {
    messageZh: `缺少：${items.map((i) => i.nameZh).join('、')}`,
    messageEn: `Missing: ${items.map((i) => i.nameEn).join(', ')}`,
    details: items.map((i) => ({
      field: i.kind === 'field' ? i.code : undefined,
      kind: i.kind,
      code: i.code,
      messageZh: `${kindZh[i.kind]}：${i.nameZh}`,
      messageEn: `${kindEn[i.kind]}: ${i.nameEn}`,
    })),
  };
}
