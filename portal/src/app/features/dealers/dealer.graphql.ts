import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface DealerContact {
  name: string;
  title: string | null;
  phone: string;
  email: string | null;
}

export interface DealerTerritory {
  provinceCode: string;
  provinceName: string;
  cityCode: string | null;
  cityName: string | null;
}

export interface Dealer {
  id: string;
  code: string;
  name: string;
  tier: string | null;
  region: string | null;
  status: string;
  address: string | null;
  territories: DealerTerritory[];
  contactName: string | null;
  contacts: DealerContact[];
  phone: string | null;
  pointsBalance: number | null;
}

const DEALER_FIELDS = `
  id
  code
  name
  tier
  region
  status
  address
  territories {
    provinceCode
    provinceName
    cityCode
    cityName
  }
  contactName
  contacts {
    name
    title
    phone
    email
  }
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

export const DEALER_TIERS = ['A', 'B', 'C'] as const;
export const DEALER_STATUSES = ['ACTIVE', 'SUSPENDED'] as const;

/** Changes to a dealer: HQ sends every field; dealer staff only phone, address and contacts. */
export interface UpdateDealerInput {
  name?: string;
  tier?: string;
  region?: string;
  status?: string;
  phone?: string;
  address?: string;
  contacts?: DealerContact[];
  territories?: { provinceCode: string; cityCode: string | null }[];
}

export interface CreateDealerInput extends Required<Omit<UpdateDealerInput, 'address'>> {
  code: string;
  address?: string;
}

export const UPDATE_DEALER = gql<{ updateDealer: Dealer }, { id: string; input: UpdateDealerInput }>`
  mutation UpdateDealer($id: ID!, $input: UpdateDealerInput!) {
    updateDealer(id: $id, input: $input) {
      ${DEALER_FIELDS}
    }
  }
`;

export const CREATE_DEALER = gql<{ createDealer: Dealer }, { input: CreateDealerInput }>`
  mutation CreateDealer($input: CreateDealerInput!) {
    createDealer(input: $input) {
      ${DEALER_FIELDS}
    }
  }
`;

export interface TerritoryProvince {
  code: string;
  name: string;
  region: string;
  cities: { code: string; name: string }[];
}

/** The GB/T 2260 code table territories are picked from (the one the 窜货 check uses). */
export const TERRITORY_PROVINCES = gql<{ territoryProvinces: TerritoryProvince[] }, Record<string, never>>`
  query TerritoryProvinces {
    territoryProvinces {
      code
      name
      region
      cities {
        code
        name
      }
    }
  }
`;

export interface DealerUser {
  id: string;
  username: string;
  displayName: string;
  locked: boolean;
  createdAt: string;
}

const DEALER_USER_FIELDS = `
  id
  username
  displayName
  locked
  createdAt
`;

export const MY_DEALER_USERS = gql<{ myDealerUsers: DealerUser[] }, Record<string, never>>`
  query MyDealerUsers {
    myDealerUsers {
      ${DEALER_USER_FIELDS}
    }
  }
`;

export const CREATE_MY_DEALER_USER = gql<{ createMyDealerUser: DealerUser }, { input: { username: string; displayName: string; password: string } }>`
  mutation CreateMyDealerUser($input: CreateMyDealerUserInput!) {
    createMyDealerUser(input: $input) {
      ${DEALER_USER_FIELDS}
    }
  }
`;

export const SET_MY_DEALER_USER_LOCKED = gql<{ setMyDealerUserLocked: DealerUser }, { id: string; locked: boolean }>`
  mutation SetMyDealerUserLocked($id: ID!, $locked: Boolean!) {
    setMyDealerUserLocked(id: $id, locked: $locked) {
      ${DEALER_USER_FIELDS}
    }
  }
`;
