/** Access cases for the customers subgraph's root fields. */
import { EVERYONE_SIGNED_IN, FieldCase, HQ_ONLY, ONLY, REGION_SCOPED, SALES_MUTATION } from './kit';

/** Reads of the customer clean-up screens: supervisor (own region), director, admin. */
const CLEAN_UP_READ = { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } as const;

/** Admin screens a director may read: stage-model versions, alert rules. */
const ADMIN_DIRECTOR_READ = { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } as const;

const ANALYTICS_READ = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } as const;

export const CUSTOMERS_CASES: Record<string, FieldCase> = {
  /** The pipeline stage model: HQ roles; dealer staff have no pipeline. */
  stages: { scopes: ['list'], expect: HQ_ONLY },
  /** Customers: reps own, supervisors region, HQ functions all (scoping asserted in customers.e2e); dealers refused. */
  customers: { scopes: ['list'], expect: HQ_ONLY },
  customer: { scopes: ['east', 'south'], expect: REGION_SCOPED },
  /** Sales mutations (@Allow REP, SUPERVISOR, DIRECTOR, ADMIN): HQ functions, dealer staff and anonymous callers refused before anything runs. */
  createCustomer: { scopes: ['probe'], expect: SALES_MUTATION },
  updateCustomer: { scopes: ['probe'], expect: SALES_MUTATION },
  addContact: { scopes: ['probe'], expect: SALES_MUTATION },
  /** Pipeline (@Allow REP, SUPERVISOR, DIRECTOR, ADMIN): HQ functions and dealers refused. */
  moveStage: { scopes: ['probe'], expect: SALES_MUTATION },
  completeNode: { scopes: ['probe'], expect: SALES_MUTATION },
  addEvidence: { scopes: ['probe'], expect: SALES_MUTATION },
  addFollowUp: { scopes: ['probe'], expect: SALES_MUTATION },
  editFollowUp: { scopes: ['probe'], expect: SALES_MUTATION },
  /** Customer clean-up (dedupe, merge, stale list) and imports: supervisor (own region), director, admin; reps, HQ functions and dealers refused. */
  duplicateCandidates: { scopes: ['list'], expect: CLEAN_UP_READ },
  customerMerges: { scopes: ['list'], expect: CLEAN_UP_READ },
  staleCustomers: { scopes: ['list'], expect: CLEAN_UP_READ },
  mergeCustomers: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  undoCustomerMerge: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  archiveStaleCustomers: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  restoreArchivedCustomers: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  importJobs: { scopes: ['list'], expect: CLEAN_UP_READ },
  importColumns: { scopes: ['list'], expect: CLEAN_UP_READ },
  importJob: { scopes: ['probe'], expect: { ...CLEAN_UP_READ, hq: 'NOT_FOUND', supervisor: 'NOT_FOUND' } },
  startImport: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  uploadImportChunk: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  commitImport: { scopes: ['probe'], expect: ONLY('director', 'admin', 'supervisor.east') },
  /** Stage-model versions: director and admin read; only the admin edits (a new version). */
  stageModelVersions: { scopes: ['list'], expect: ADMIN_DIRECTOR_READ },
  updateStageConditions: { scopes: ['probe'], expect: ONLY('admin') },
  /** Alert rules: director and admin read and edit; the sweep with a chosen clock is admin only. */
  alertRules: { scopes: ['list'], expect: ADMIN_DIRECTOR_READ },
  updateAlertRule: { scopes: ['probe'], expect: ONLY('director', 'admin') },
  runAlertSweep: { scopes: ['probe'], expect: ONLY('admin') },
  /** Alerts in scope (director all, supervisor region, rep own); HQ functions and dealers refused. */
  alerts: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'data', staff: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
  acknowledgeAlert: { scopes: ['probe'], expect: SALES_MUTATION },
  /** Everyone's own inbox (dealer staff included); marking read is not run (it changes the caller's inbox). */
  alertInbox: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  alertInboxUnreadCount: { scopes: ['list'], expect: EVERYONE_SIGNED_IN },
  markInboxRead: { scopes: ['probe'], expect: { hq: 'not-run', supervisor: 'not-run', rep: 'not-run', staff: 'not-run', dealer: 'not-run' } },
  /** ERP simulator (publishes erp.customer-master-updated.v1 as ERP would): admin only. */
  simulateErpCustomerMasterUpdate: { scopes: ['probe'], expect: ONLY('admin') },
  /** Sales analytics (issue 9): director/admin all, supervisor own region, rep own customers; other departments and dealers refused. */
  salesFunnel: { scopes: ['list'], expect: ANALYTICS_READ },
  stageHeatmap: { scopes: ['list'], expect: ANALYTICS_READ },
  overdueCustomers: { scopes: ['list'], expect: ANALYTICS_READ },
  obstacleWordCloud: { scopes: ['list'], expect: ANALYTICS_READ },
  paymentRiskSignals: { scopes: ['list'], expect: ANALYTICS_READ },
  analyticsCustomers: { scopes: ['list'], expect: ANALYTICS_READ },
};
