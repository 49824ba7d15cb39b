import { gql } from 'apollo-angular';

export interface StageConditions {
  requiredNodes: string[];
  requiredFields: string[];
  requiredEvidence: string[];
}

export interface VersionStage {
  code: string;
  nameZh: string;
  nameEn: string;
  order: number;
  entryConditions: StageConditions;
  exitConditions: StageConditions;
  nodeCodes: string[];
}

export interface StageModelVersion {
  version: number;
  effectiveFrom: string;
  createdAt: string;
  createdBy: string | null;
  note: string | null;
  stages: VersionStage[];
}

export interface StageNode {
  code: string;
  nameZh: string;
  nameEn: string;
}

const CONDITIONS = 'requiredNodes requiredFields requiredEvidence';
const VERSION_FIELDS = `version effectiveFrom createdAt createdBy note stages { code nameZh nameEn order nodeCodes entryConditions { ${CONDITIONS} } exitConditions { ${CONDITIONS} } }`;

export const STAGE_MODEL = gql<{ stageModelVersions: StageModelVersion[]; stages: { code: string; nodes: StageNode[] }[] }, Record<string, never>>`
  query StageModel { stageModelVersions { ${VERSION_FIELDS} } stages { code nodes { code nameZh nameEn } } }
`;

export const UPDATE_STAGE_CONDITIONS = gql<{ updateStageConditions: StageModelVersion }, { input: { stageCode: string; entry?: StageConditions; exit?: StageConditions; note?: string } }>`
  mutation UpdateStageConditions($input: UpdateStageConditionsInput!) { updateStageConditions(input: $input) { ${VERSION_FIELDS} } }
`;

/** What a condition may require besides nodes (the API checks the same lists). */
export const CONDITION_FIELDS = ['creditCode', 'phone', 'provinceCode', 'city', 'nextActionDate', 'contractedAmount', 'productLines'] as const;
export const EVIDENCE_TYPES = ['SAMPLE_TEST_REPORT', 'QUOTATION_ESIGNED', 'CONTRACT_SEAL_SCAN', 'SIGNATURE_PAGE_CLOSEUP', 'DELIVERY_NOTE', 'OTHER'] as const;
