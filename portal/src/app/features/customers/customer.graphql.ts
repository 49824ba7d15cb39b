import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface Customer {
  id: string;
  name: string;
  creditCode: string | null;
  industry: string | null;
  region: string | null;
  stage: string;
  stageName: string | null;
  ownerName: string | null;
  lastInteractionAt: string | null;
  nextActionDate: string | null;
  contractedAmount: number | string | null;
}

/** The seven pipeline stages in order. */
export const STAGES = ['LEAD', 'INQUIRY', 'SAMPLING', 'QUOTATION', 'TRIAL', 'CONTRACT', 'DELIVERY'] as const;

/** Sales regions; the API takes the Chinese name as the value. */
export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;

export interface CustomersVariables {
  first: number;
  offset?: number;
  after?: string;
  search?: string;
  stage?: string;
  region?: string;
}

export const CUSTOMERS = gql<{ customers: Connection<Customer> }, CustomersVariables>`
  query Customers($first: Int, $after: String, $offset: Int, $search: String, $stage: String, $region: String) {
    customers(first: $first, after: $after, offset: $offset, search: $search, stage: $stage, region: $region) {
      totalCount
      nodes {
        id
        name
        creditCode
        industry
        region
        stage
        stageName
        ownerName
        lastInteractionAt
        nextActionDate
        contractedAmount
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;
