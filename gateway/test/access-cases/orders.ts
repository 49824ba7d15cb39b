/** Access cases for the orders subgraph's root fields. */
import { FieldCase, HQ_ONLY, REGION_SCOPED, SALES_MUTATION, ONLY } from './kit';

/** Finance reads (@Allow FINANCE, DIRECTOR, ADMIN, SUPERVISOR, REP; supervisors/reps scoped to region/own). */
const FINANCE_READ = { hq: 'data', supervisor: 'data', rep: 'data', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' } as const;
const PUBLIC_PROBE_NOT_FOUND = { hq: 'NOT_FOUND', supervisor: 'NOT_FOUND', rep: 'NOT_FOUND', staff: 'NOT_FOUND', dealer: 'NOT_FOUND', anonymous: 'NOT_FOUND' } as const;

export const ORDERS_CASES: Record<string, FieldCase> = {
  contracts: { scopes: ['list'], expect: HQ_ONLY },
  contract: { scopes: ['east', 'south'], expect: REGION_SCOPED },
  requirementTickets: { scopes: ['list'], expect: HQ_ONLY },
  requirementTicket: { scopes: ['east', 'south'], expect: REGION_SCOPED },
  /** Department tasks: engineering, procurement, production (own department) and director/admin (all). */
  myTasks: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'data', finance: 'FORBIDDEN', legal: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
  departmentResponseTimes: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'data', finance: 'FORBIDDEN', legal: 'FORBIDDEN', dealer: 'FORBIDDEN' } },
  /** Agreement versions / diff: scoped like the ticket (reps own, supervisors region, HQ functions all). */
  agreementVersions: { scopes: ['east', 'south'], expect: REGION_SCOPED },
  agreementDiff: { scopes: ['east', 'south'], expect: REGION_SCOPED, needsAgreementVersion: true },
  createRequirementTicket: { scopes: ['probe'], expect: SALES_MUTATION },
  /** Tickets and contracts (@Allow REP, SUPERVISOR, DIRECTOR, ADMIN). */
  updateRequirementTicketSpec: { scopes: ['probe'], expect: SALES_MUTATION },
  submitRequirementTicket: { scopes: ['probe'], expect: SALES_MUTATION },
  createContract: { scopes: ['probe'], expect: SALES_MUTATION },
  signContract: { scopes: ['probe'], expect: SALES_MUTATION },
  /** Department tasks: engineer, procurement, production and admin — not the director, finance or legal. */
  startTask: { scopes: ['probe'], expect: ONLY('engineer', 'procurement', 'production', 'admin') },
  completeTask: { scopes: ['probe'], expect: ONLY('engineer', 'procurement', 'production', 'admin') },
  /** Technical review: engineer and admin. */
  commentOnSpecField: { scopes: ['probe'], expect: ONLY('engineer', 'admin') },
  approveSpec: { scopes: ['probe'], expect: ONLY('engineer', 'admin') },
  requestSpecChanges: { scopes: ['probe'], expect: ONLY('engineer', 'admin') },
  /** Legal review: legal only (not even admin). */
  approveAgreement: { scopes: ['probe'], expect: ONLY('legal') },
  rejectAgreement: { scopes: ['probe'], expect: ONLY('legal') },
  /** Legal queue: legal, director and admin. */
  legalQueue: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', legal: 'data', dealer: 'FORBIDDEN' } },
  /** Agreement PDF: any HQ role for a version in scope; the probe id names no version. */
  agreementPdf: { scopes: ['probe'], expect: { hq: 'NOT_FOUND', supervisor: 'NOT_FOUND', rep: 'NOT_FOUND', staff: 'NOT_FOUND', dealer: 'FORBIDDEN' } },
  /** Capacity queue: production, director, admin, supervisors (their region) and finance. */
  productionQueue: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'FORBIDDEN', production: 'data', finance: 'data', dealer: 'FORBIDDEN' } },
  /** ERP stand-in feed (orders.contract-signed.v1 as ERP received it): admin, director, production. */
  erpFeed: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', production: 'data', dealer: 'FORBIDDEN' } },
  /** Drawings: sales attach (not run); any HQ role downloads one on a ticket in scope (the probe id names none). */
  attachTicketDrawing: { scopes: ['probe'], expect: SALES_MUTATION },
  ticketDrawingFile: { scopes: ['probe'], expect: { hq: 'NOT_FOUND', supervisor: 'NOT_FOUND', rep: 'NOT_FOUND', staff: 'NOT_FOUND', dealer: 'FORBIDDEN' } },
  /** Reminder run (test hook; the scheduler runs it in production): admin only. */
  runTaskReminders: { scopes: ['probe'], expect: ONLY('admin') },
  /** Finance (issue 7 items 8–10): reads for finance, management and sales in scope; writes finance + admin. */
  invoices: { scopes: ['list'], expect: FINANCE_READ },
  payments: { scopes: ['list'], expect: FINANCE_READ },
  firstPaymentTimeliness: { scopes: ['list'], expect: FINANCE_READ },
  dsoTrend: { scopes: ['list'], expect: FINANCE_READ, args: { fromMonth: '2026-10', toMonth: '2026-11' } },
  receivablesAgeing: { scopes: ['list'], expect: FINANCE_READ },
  financeAlerts: { scopes: ['list'], expect: { hq: 'data', supervisor: 'FORBIDDEN', rep: 'FORBIDDEN', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' } },
  customerFinanceContacts: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' } },
  statements: { scopes: ['list'], expect: { hq: 'data', supervisor: 'data', rep: 'FORBIDDEN', staff: 'FORBIDDEN', finance: 'data', dealer: 'FORBIDDEN' } },
  statementDocument: { scopes: ['probe'], expect: { hq: 'NOT_FOUND', supervisor: 'NOT_FOUND', rep: 'FORBIDDEN', staff: 'FORBIDDEN', finance: 'NOT_FOUND', dealer: 'FORBIDDEN' } },
  recordInvoice: { scopes: ['probe'], expect: ONLY('finance', 'admin') },
  recordPayment: { scopes: ['probe'], expect: ONLY('finance', 'admin') },
  generateStatements: { scopes: ['probe'], expect: ONLY('finance', 'admin') },
  resendStatement: { scopes: ['probe'], expect: ONLY('finance', 'admin') },
  setCustomerFinanceContact: { scopes: ['probe'], expect: ONLY('finance', 'admin') },
  /** The customer's statement link (@Public, no login): an unknown token is NOT_FOUND for everyone. */
  statementForConfirmation: { scopes: ['probe'], expect: PUBLIC_PROBE_NOT_FOUND },
  confirmStatement: { scopes: ['probe'], expect: PUBLIC_PROBE_NOT_FOUND },
  disputeStatement: { scopes: ['probe'], expect: PUBLIC_PROBE_NOT_FOUND },
};
