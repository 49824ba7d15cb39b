import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface PairCustomer {
  id: string;
  name: string;
  creditCode: string;
  phone: string | null;
  region: string;
  ownerName: string | null;
  lastInteractionAt: string;
  contractedAmount: number;
}

export interface DuplicateCandidate {
  id: string;
  score: number;
  survivorId: string;
  reasons: { code: string; messageZh: string; messageEn: string }[];
  customers: PairCustomer[];
}

export interface CustomerMerge {
  id: string;
  survivorId: string;
  mergedAt: string;
  mergedByName: string | null;
  undoneAt: string | null;
  survivor: { id: string; name: string } | null;
  merged: { id: string; name: string }[];
  moved: { followUps: number; evidence: number; contacts: number; stageTransitions: number; nodeCompletions: number };
}

const PAIR_CUSTOMER = 'id name creditCode phone region ownerName lastInteractionAt contractedAmount';

export const DUPLICATE_CANDIDATES = gql<{ duplicateCandidates: Connection<DuplicateCandidate> }, { first: number; offset: number; minScore: number }>`
  query DuplicateCandidates($first: Int, $offset: Int, $minScore: Float) {
    duplicateCandidates(first: $first, offset: $offset, minScore: $minScore) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id score survivorId reasons { code messageZh messageEn } customers { ${PAIR_CUSTOMER} } }
    }
  }
`;

export const CUSTOMER_MERGES = gql<{ customerMerges: Connection<CustomerMerge> }, { first: number; offset: number }>`
  query CustomerMerges($first: Int, $offset: Int) {
    customerMerges(first: $first, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        id survivorId mergedAt mergedByName undoneAt
        survivor { id name }
        merged { id name }
        moved { followUps evidence contacts stageTransitions nodeCompletions }
      }
    }
  }
`;

export const MERGE_CUSTOMERS = gql<{ mergeCustomers: { id: string; survivorId: string } }, { customerIds: string[] }>`
  mutation MergeCustomers($customerIds: [ID!]!) { mergeCustomers(customerIds: $customerIds) { id survivorId } }
`;

export const UNDO_MERGE = gql<{ undoCustomerMerge: { id: string; undoneAt: string | null } }, { mergeId: string }>`
  mutation UndoCustomerMerge($mergeId: ID!) { undoCustomerMerge(mergeId: $mergeId) { id undoneAt } }
`;

export interface StaleCustomer {
  id: string;
  name: string;
  region: string;
  ownerName: string | null;
  stage: string;
  lastInteractionAt: string;
}

export const STALE_CUSTOMERS = gql<{ staleCustomers: Connection<StaleCustomer> }, { months: number; first: number; offset: number }>`
  query StaleCustomers($months: Int, $first: Int, $offset: Int) {
    staleCustomers(months: $months, first: $first, offset: $offset) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id name region ownerName stage lastInteractionAt }
    }
  }
`;

export const ARCHIVE_STALE = gql<{ archiveStaleCustomers: { id: string }[] }, { customerIds: string[]; months: number }>`
  mutation ArchiveStaleCustomers($customerIds: [ID!]!, $months: Int!) { archiveStaleCustomers(customerIds: $customerIds, months: $months) { id archivedAt } }
`;
