import { gql } from 'apollo-angular';

export type FollowUpType = 'VISIT' | 'CALL' | 'EMAIL' | 'WECHAT';
export const FOLLOW_UP_TYPES: readonly FollowUpType[] = ['VISIT', 'CALL', 'EMAIL', 'WECHAT'];

/** Evidence types the API accepts (AddEvidenceInput.type). */
export const EVIDENCE_TYPES = [
  'SAMPLE_TEST_REPORT',
  'QUOTATION_ESIGNED',
  'CONTRACT_SEAL_SCAN',
  'SIGNATURE_PAGE_CLOSEUP',
  'DELIVERY_NOTE',
  'OTHER',
] as const;

export interface StageConditions {
  requiredNodes: string[];
  requiredFields: string[];
  requiredEvidence: string[];
}

export interface StageNode {
  code: string;
  nameZh: string;
  nameEn: string;
  order: number;
}

export interface Stage {
  code: string;
  nameZh: string;
  nameEn: string;
  order: number;
  optional: boolean;
  entryConditions: StageConditions | null;
  exitConditions: StageConditions | null;
  nodes: StageNode[];
}

/** One item still missing for a move, as the API checks it (the customer's stage-model version). */
export interface MissingStageItem {
  kind: 'node' | 'field' | 'evidence';
  code: string;
  nameZh: string;
  nameEn: string;
}

/** A forward move open to the customer and what it still lacks (empty: the move would be accepted). */
export interface StageMoveTarget {
  stageCode: string;
  nameZh: string;
  nameEn: string;
  optional: boolean;
  missing: MissingStageItem[];
}

export interface FollowUp {
  id: string;
  type: FollowUpType;
  summary: string;
  obstacle: string | null;
  nextAction: string | null;
  nextActionDate: string | null;
  createdAt: string;
  version: number;
}

export interface Evidence {
  id: string;
  stageCode: string;
  type: string;
  fileName: string;
  mimeType: string;
  sizeBytes: number;
  duplicateOfCustomerId: string | null;
  uploadedAt: string;
  /** JPEG thumbnail as a data: URL (images only). */
  thumbnailDataUrl: string | null;
}

export interface Contact {
  id: string;
  name: string;
  title: string | null;
  phone: string | null;
  email: string | null;
  isPrimary: boolean;
}

export interface CustomerDetail {
  id: string;
  name: string;
  /** Set when merged into another customer (a tombstone) / when archived as stale. */
  mergedIntoId: string | null;
  archivedAt: string | null;
  creditCode: string;
  industry: string;
  region: string;
  city: string | null;
  channel: string;
  phone: string | null;
  ownerName: string | null;
  stage: string;
  stageName: string | null;
  node: string;
  nodeName: string | null;
  stageEnteredAt: string;
  nextActionDate: string | null;
  contractedAmount: number;
  productLines: string[];
  contacts: Contact[];
  followUps: FollowUp[];
  evidence: Evidence[];
  completedNodes: { id: string; nodeCode: string; completedAt: string }[];
  stageMoveTargets: StageMoveTarget[];
  nextStep: { code: string; messageZh: string; messageEn: string } | null;
}

const FOLLOW_UP_FIELDS = `
  id
  type
  summary
  obstacle
  nextAction
  nextActionDate
  createdAt
  version
`;

const EVIDENCE_FIELDS = `
  id
  stageCode
  type
  fileName
  mimeType
  sizeBytes
  duplicateOfCustomerId
  uploadedAt
  thumbnailDataUrl
`;

const CONDITION_FIELDS = `requiredNodes requiredFields requiredEvidence`;

export const CUSTOMER_DETAIL = gql<{ customer: CustomerDetail; stages: Stage[] }, { id: string }>`
  query CustomerDetail($id: ID!) {
    stages {
      code
      nameZh
      nameEn
      order
      optional
      entryConditions { ${CONDITION_FIELDS} }
      exitConditions { ${CONDITION_FIELDS} }
      nodes { code nameZh nameEn order }
    }
    customer(id: $id) {
      id
      name
      mergedIntoId
      archivedAt
      creditCode
      industry
      region
      city
      channel
      phone
      ownerName
      stage
      stageName
      node
      nodeName
      stageEnteredAt
      nextActionDate
      contractedAmount
      productLines
      contacts { id name title phone email isPrimary }
      followUps(first: 50) { ${FOLLOW_UP_FIELDS} }
      evidence { ${EVIDENCE_FIELDS} }
      completedNodes { id nodeCode completedAt }
      stageMoveTargets { stageCode nameZh nameEn optional missing { kind code nameZh nameEn } }
      nextStep { code messageZh messageEn }
    }
  }
`;

export interface ContractRow {
  id: string;
  number: string;
  amount: number;
  currency: string;
  status: string;
  signedAt: string | null;
}

/** Separate query: contracts come from the orders subgraph, which may be down on its own. */
export const CUSTOMER_CONTRACTS = gql<{ customer: { id: string; contracts: ContractRow[] } }, { id: string }>`
  query CustomerContracts($id: ID!) {
    customer(id: $id) {
      id
      contracts { id number amount currency status signedAt }
    }
  }
`;

export const MOVE_STAGE = gql<{ moveStage: { id: string; stage: string } }, { customerId: string; toStage: string }>`
  mutation MoveStage($customerId: ID!, $toStage: String!) {
    moveStage(customerId: $customerId, toStage: $toStage) { id stage stageName node nodeName stageEnteredAt }
  }
`;

export interface AddFollowUpInput {
  type: FollowUpType;
  summary: string;
  obstacle?: string;
  nextAction?: string;
  nextActionDate?: string;
}

export const ADD_FOLLOW_UP = gql<{ addFollowUp: FollowUp }, { customerId: string; input: AddFollowUpInput }>`
  mutation AddFollowUp($customerId: ID!, $input: AddFollowUpInput!) {
    addFollowUp(customerId: $customerId, input: $input) { ${FOLLOW_UP_FIELDS} }
  }
`;

export interface AddEvidenceInput {
  type: string;
  fileName: string;
  mimeType: string;
  contentBase64: string;
  watermarkAt?: string;
}

export const ADD_EVIDENCE = gql<{ addEvidence: Evidence }, { customerId: string; input: AddEvidenceInput }>`
  mutation AddEvidence($customerId: ID!, $input: AddEvidenceInput!) {
    addEvidence(customerId: $customerId, input: $input) { ${EVIDENCE_FIELDS} }
  }
`;
