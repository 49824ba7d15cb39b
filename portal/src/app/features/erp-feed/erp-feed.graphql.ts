import { gql } from 'apollo-angular';

export interface ErpFeedEntry {
  id: string;
  type: string;
  time: string;
  subject: string;
  receivedAt: string;
  contractNumber: string | null;
  agreementVersion: number | null;
  customerName: string | null;
  amount: number | null;
  currency: string | null;
  valid: boolean;
  reason: string | null;
}

export const ERP_FEED = gql<{ erpFeed: { totalCount: number; entries: ErpFeedEntry[] } }, { first: number }>`
  query ErpFeed($first: Int) {
    erpFeed(first: $first) {
      totalCount
      entries { id type time subject receivedAt contractNumber agreementVersion customerName amount currency valid reason }
    }
  }
`;
