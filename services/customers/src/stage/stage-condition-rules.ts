import type { ErrorDetail } from '@lianxiao/platform';
import { CUSTOMER_FIELD_LABELS, EVIDENCE_TYPE_CODES } from '../pipeline/pipeline-vocabulary';
import type { StageConditions } from './stage-conditions';

/** Trims, drops duplicates and checks every code against the model's nodes and the known fields / evidence types. Pure. */
export function checkStageConditions(
  which: 'entry' | 'exit',
  input: StageConditions,
  nodeCodes: ReadonlySet<string>,
): { value: StageConditions; details: ErrorDetail[] } {
  const clean = (list: string[]) => [...new Set(list.map((s) => s.trim()).filter(Boolean))];
  const value: StageConditions = {
    requiredNodes: clean(input.requiredNodes),
    requiredFields: clean(input.requiredFields),
    requiredEvidence: clean(input.requiredEvidence),
  };
  const details: ErrorDetail[] = [];
  for (const n of value.requiredNodes) {
    if (!nodeCodes.has(n)) details.push({ field: `${which}.requiredNodes`, messageZh: `节点 ${n} 不在阶段模型中`, messageEn: `Node ${n} is not in the stage model` });
  }
  for (const f of value.requiredFields) {
    if (!(f in CUSTOMER_FIELD_LABELS)) {
      details.push({ field: `${which}.requiredFields`, messageZh: `客户字段 ${f} 不能作为条件（可选：${Object.keys(CUSTOMER_FIELD_LABELS).join('、')}）`, messageEn: `Customer field ${f} cannot be a condition (one of ${Object.keys(CUSTOMER_FIELD_LABELS).join(', ')})` });
    }
  }
  for (const e of value.requiredEvidence) {
    if (!(EVIDENCE_TYPE_CODES as string[]).includes(e)) {
      details.push({ field: `${which}.requiredEvidence`, messageZh: `附件类型 ${e} 未知（可选：${EVIDENCE_TYPE_CODES.join('、')}）`, messageEn: `Unknown evidence type ${e} (one of ${EVIDENCE_TYPE_CODES.join(', ')})` });
    }
  }
  return { value, details };
}
