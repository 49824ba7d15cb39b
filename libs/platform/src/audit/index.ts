import { AuditChainHead, AuditEntry } from './audit-entry.entity';

export * from './canonical-json';
export * from './audit-entry.entity';
export * from './audit-context';
export * from './audit-chain';
export * from './audit-recorder';
export * from './audit-tables.migration';

/** Add to a service's entity list (and AuditTables1795960000000 to its MySQL migrations). */
export const AUDIT_ENTITIES = [AuditEntry, AuditChainHead];
export * from './audit-log.resolver';
