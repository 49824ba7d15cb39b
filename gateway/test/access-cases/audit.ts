/** Access cases for every subgraph's `<service>AuditLog` root field (libs/platform/src/audit). */
import { FieldCase } from './kit';

/** The audit log: admin and director only, in every service. */
const AUDIT_LOG: FieldCase = { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } };

export const AUDIT_CASES: Record<string, FieldCase> = {
  identityAuditLog: AUDIT_LOG,
  customersAuditLog: AUDIT_LOG,
  ordersAuditLog: AUDIT_LOG,
  dealersAuditLog: AUDIT_LOG,
  incentivesAuditLog: AUDIT_LOG,
};
