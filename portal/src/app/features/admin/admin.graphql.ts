import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface AdminUser {
  id: string;
  username: string;
  displayName: string;
  roles: string[];
  region: string | null;
  supervisorId: string | null;
  dealerId: string | null;
  locked: boolean;
  active: boolean;
}

export interface UserAccess {
  displayName?: string | null;
  roles: string[];
  region: string | null;
  supervisorId: string | null;
  dealerId: string | null;
}

const USER_FIELDS = `
  id
  username
  displayName
  roles
  region
  supervisorId
  dealerId
  locked
  active
`;

export const ADMIN_USERS = gql<{ users: Connection<AdminUser> }, { first: number; offset: number; search?: string }>`
  query AdminUsers($first: Int, $offset: Int, $search: String) {
    users(first: $first, offset: $offset, search: $search) {
      totalCount
      nodes {
        ${USER_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

/** Supervisors and directors for the reporting-line picker (one page is enough for HQ). */
export const ADMIN_ALL_USERS = gql<{ users: Connection<AdminUser> }, Record<string, never>>`
  query AdminAllUsers {
    users(first: 200) {
      totalCount
      nodes {
        ${USER_FIELDS}
      }
      pageInfo {
        hasNextPage
        endCursor
      }
    }
  }
`;

export const CREATE_USER = gql<{ createUser: AdminUser }, { input: UserAccess & { username: string; displayName: string; password: string } }>`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ${USER_FIELDS}
    }
  }
`;

export const UPDATE_USER_ACCESS = gql<{ updateUserAccess: AdminUser }, { id: string; input: UserAccess }>`
  mutation UpdateUserAccess($id: ID!, $input: UserAccessInput!) {
    updateUserAccess(id: $id, input: $input) {
      ${USER_FIELDS}
    }
  }
`;

export const RESET_USER_PASSWORD = gql<{ resetUserPassword: AdminUser }, { id: string; newPassword: string }>`
  mutation ResetUserPassword($id: ID!, $newPassword: String!) {
    resetUserPassword(id: $id, newPassword: $newPassword) {
      ${USER_FIELDS}
    }
  }
`;

export const SET_USER_LOCKED = gql<{ setUserLocked: AdminUser }, { id: string; locked: boolean }>`
  mutation SetUserLocked($id: ID!, $locked: Boolean!) {
    setUserLocked(id: $id, locked: $locked) {
      ${USER_FIELDS}
    }
  }
`;

export interface AuditEntry {
  seq: number;
  service: string;
  occurredAt: string;
  requestId: string | null;
  username: string | null;
  roles: string[];
  action: string;
  entityType: string;
  entityId: string;
  before: string | null;
  after: string | null;
  hash: string;
}

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  username?: string;
  action?: string;
  from?: string;
  to?: string;
}

export type AuditVariables = { filter: AuditFilter; first: number; offset: number };

const AUDIT_FIELDS = `
  totalCount
  nodes {
    seq
    service
    occurredAt
    requestId
    username
    roles
    action
    entityType
    entityId
    before
    after
    hash
  }
  pageInfo {
    hasNextPage
    endCursor
  }
`;

/** One query per service: each subgraph keeps (and answers for) its own hash chain. */
export const AUDIT_QUERIES = {
  identity: gql<{ log: Connection<AuditEntry> }, AuditVariables>`
    query IdentityAuditLog($filter: AuditLogFilter, $first: Int, $offset: Int) {
      log: identityAuditLog(filter: $filter, first: $first, offset: $offset) {
        ${AUDIT_FIELDS}
      }
    }
  `,
  customers: gql<{ log: Connection<AuditEntry> }, AuditVariables>`
    query CustomersAuditLog($filter: AuditLogFilter, $first: Int, $offset: Int) {
      log: customersAuditLog(filter: $filter, first: $first, offset: $offset) {
        ${AUDIT_FIELDS}
      }
    }
  `,
  orders: gql<{ log: Connection<AuditEntry> }, AuditVariables>`
    query OrdersAuditLog($filter: AuditLogFilter, $first: Int, $offset: Int) {
      log: ordersAuditLog(filter: $filter, first: $first, offset: $offset) {
        ${AUDIT_FIELDS}
      }
    }
  `,
  dealers: gql<{ log: Connection<AuditEntry> }, AuditVariables>`
    query DealersAuditLog($filter: AuditLogFilter, $first: Int, $offset: Int) {
      log: dealersAuditLog(filter: $filter, first: $first, offset: $offset) {
        ${AUDIT_FIELDS}
      }
    }
  `,
  incentives: gql<{ log: Connection<AuditEntry> }, AuditVariables>`
    query IncentivesAuditLog($filter: AuditLogFilter, $first: Int, $offset: Int) {
      log: incentivesAuditLog(filter: $filter, first: $first, offset: $offset) {
        ${AUDIT_FIELDS}
      }
    }
  `,
} as const;

export type AuditService = keyof typeof AUDIT_QUERIES;
export const AUDIT_SERVICES = Object.keys(AUDIT_QUERIES) as AuditService[];

export const ROLES = ['ADMIN', 'DIRECTOR', 'SUPERVISOR', 'REP', 'ENGINEER', 'PROCUREMENT', 'PRODUCTION', 'LEGAL', 'FINANCE', 'DEALER'] as const;
export const REGIONS = ['华东', '华南', '华北', '华中', '西南', '西北', '东北'] as const;

/** "field: before → after" lines of an audit entry's changed fields. */
export function changeLines(entry: Pick<AuditEntry, 'before' | 'after'>): string[] {
  const before = (entry.before ? JSON.parse(entry.before) : {}) as Record<string, unknown>;
  const after = (entry.after ? JSON.parse(entry.after) : {}) as Record<string, unknown>;
  const show = (v: unknown) => (v === undefined ? '∅' : v === null ? 'null' : typeof v === 'string' ? v : JSON.stringify(v));
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].map((k) =>
    entry.before && entry.after ? `${k}: ${show(before[k])} → ${show(after[k])}` : `${k}: ${show(entry.after ? after[k] : before[k])}`,
  );
}
