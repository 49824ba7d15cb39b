import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface QueueItem {
  rank: number;
  contract: { id: string; number: string; amount: number; signedAt: string | null; urgency: string; customer: { id: string; name: string | null } | null };
  priority: { score: number | null; margin: number | null; marginTier: string; urgency: number; health: number };
}

export const PRODUCTION_QUEUE = gql<{ productionQueue: Connection<QueueItem> }, { first: number; offset: number }>`
  query ProductionQueue($first: Int, $offset: Int) {
    productionQueue(first: $first, offset: $offset) {
      totalCount
      nodes {
        rank
        contract { id number amount signedAt urgency customer { id name } }
        priority { score margin marginTier urgency health }
      }
      pageInfo { hasNextPage endCursor }
    }
  }
`;
