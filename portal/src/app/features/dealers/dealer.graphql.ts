import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface Dealer {
  id: string;
  code: string;
  name: string;
  tier: string | null;
  region: string | null;
  territories: { provinceName: string; cityName: string | null }[];
  contactName: string | null;
  phone: string | null;
  pointsBalance: number | null;
}

const DEALER_FIELDS = `
  id
  code
  name
  tier
  region
  territories {
    provinceName
    cityName
  }
  contactName
  phone
  pointsBalance
`;

export interface DealersVariables {
  first: number;
  offset?: number;
  after?: string;
  search?: string;
}

export const DEALERS = gql<{ dealers: Connection<Dealer> }, DealersVariables>`
  query Dealers($first: Int, $after: String, $offset: Int, $search: String) {
    dealers(first: $first, after: $after, offset: $offset, search: $search) {
      totalCount
      nodes {
        ${DEALER_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const DEALER = gql<{ dealer: Dealer | null }, { id: string }>`
  query Dealer($id: ID!) {
    dealer(id: $id) {
      ${DEALER_FIELDS}
    }
  }
`;

/** "浙江 杭州、江苏" — territories as one line. */
export function territoriesText(dealer: Pick<Dealer, 'territories'>): string {
  return (dealer.territories ?? [])
    .map((t) => [t.provinceName, t.cityName].filter(Boolean).join(' '))
    .join('、');
}
