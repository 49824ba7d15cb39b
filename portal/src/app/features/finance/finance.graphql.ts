import { gql } from 'apollo-angular';
import type { Connection } from '../../shared/connection';

export interface Invoice {
  id: string;
  number: string;
  contractNumber: string;
  customerId: string;
  region: string;
  amount: number;
  issuedOn: string;
  note: string | null;
  customer: { id: string; name: string | null } | null;
}

export interface Payment {
  id: string;
  contractNumber: string;
  customerId: string;
  region: string;
  amount: number;
  receivedOn: string;
  reference: string | null;
  customer: { id: string; name: string | null } | null;
}

export interface StatementLine {
  date: string;
  kind: 'INVOICE' | 'PAYMENT';
  reference: string;
  contractNumber: string;
  amount: number;
}

export type StatementStatus = 'PENDING' | 'SENT' | 'NOT_SENT' | 'CONFIRMED' | 'DISPUTED';

export interface Statement {
  id: string;
  number: string;
  month: string;
  customerName: string;
  region: string;
  openingBalance: number;
  invoicedAmount: number;
  paidAmount: number;
  closingBalance: number;
  status: StatementStatus;
  emailTo: string;
  mailError: string | null;
  customerAmount: number | null;
  customerComment: string | null;
}

export interface ContractOption {
  id: string;
  number: string;
  amount: number;
  invoicedAmount: number;
  paidAmount: number;
}

export interface DsoPoint {
  month: string;
  receivables: number;
  revenue: number;
  days: number;
  dso: number | null;
}

export interface DsoSeries {
  key: string;
  label: string;
  points: DsoPoint[];
}

export interface AgeingRow {
  customerId: string | null;
  customerName: string;
  region: string;
  days0to30: number;
  days31to60: number;
  days61to90: number;
  over90: number;
  total: number;
}

export interface StatementForCustomer {
  number: string;
  customerName: string;
  month: string;
  openingBalance: number;
  invoicedAmount: number;
  paidAmount: number;
  closingBalance: number;
  status: StatementStatus;
  customerAmount: number | null;
  customerComment: string | null;
  lines: StatementLine[];
}

interface ListVariables {
  first: number;
  offset?: number;
  month?: string;
  customerId?: string;
}

export const INVOICES = gql<{ invoices: Connection<Invoice> }, ListVariables>`
  query FinanceInvoices($first: Int, $offset: Int, $month: String) {
    invoices(first: $first, offset: $offset, month: $month) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id number contractNumber customerId region amount issuedOn note customer { id name } }
    }
  }
`;

export const PAYMENTS = gql<{ payments: Connection<Payment> }, ListVariables>`
  query FinancePayments($first: Int, $offset: Int, $month: String) {
    payments(first: $first, offset: $offset, month: $month) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id contractNumber customerId region amount receivedOn reference customer { id name } }
    }
  }
`;

export const CONTRACT_OPTIONS = gql<{ contracts: Connection<ContractOption> }, Record<string, never>>`
  query FinanceContractOptions {
    contracts(first: 200) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { id number amount invoicedAmount paidAmount }
    }
  }
`;

export const RECORD_INVOICE = gql<{ recordInvoice: { id: string } }, { input: { contractId: string; number: string; amount: number; issuedOn: string; note?: string | null; idempotencyKey: string } }>`
  mutation FinanceRecordInvoice($input: RecordInvoiceInput!) {
    recordInvoice(input: $input) { id }
  }
`;

export const RECORD_PAYMENT = gql<{ recordPayment: { id: string } }, { input: { contractId: string; amount: number; receivedOn: string; reference?: string | null; idempotencyKey: string } }>`
  mutation FinanceRecordPayment($input: RecordPaymentInput!) {
    recordPayment(input: $input) { id }
  }
`;

const STATEMENT_FIELDS = `id number month customerName region openingBalance invoicedAmount paidAmount closingBalance status emailTo mailError customerAmount customerComment`;

export const STATEMENTS = gql<{ statements: Connection<Statement> }, ListVariables>`
  query FinanceStatements($first: Int, $offset: Int, $month: String) {
    statements(first: $first, offset: $offset, month: $month) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes { ${STATEMENT_FIELDS} }
    }
  }
`;

export const GENERATE_STATEMENTS = gql<{ generateStatements: { id: string }[] }, { month: string }>`
  mutation FinanceGenerateStatements($month: String!) {
    generateStatements(month: $month) { id }
  }
`;

export const STATEMENT_DOCUMENT = gql<{ statementDocument: { filename: string; contentType: string; base64: string } }, { id: string; format: 'PDF' | 'XLSX' }>`
  query FinanceStatementDocument($id: ID!, $format: StatementFormat!) {
    statementDocument(id: $id, format: $format) { filename contentType base64 }
  }
`;

export const DSO_TREND = gql<{ dsoTrend: DsoSeries[] }, { fromMonth: string; toMonth: string; dimension: 'TOTAL' | 'REGION' | 'CUSTOMER'; top?: number }>`
  query FinanceDsoTrend($fromMonth: String!, $toMonth: String!, $dimension: DsoDimension!, $top: Int) {
    dsoTrend(fromMonth: $fromMonth, toMonth: $toMonth, dimension: $dimension, top: $top) {
      key
      label
      points { month receivables revenue days dso }
    }
  }
`;

export const AGEING = gql<{ receivablesAgeing: { asOf: string; rows: AgeingRow[]; totals: AgeingRow } }, { asOf?: string }>`
  query FinanceAgeing($asOf: String) {
    receivablesAgeing(asOf: $asOf) {
      asOf
      rows { customerId customerName region days0to30 days31to60 days61to90 over90 total }
      totals { customerId customerName region days0to30 days31to60 days61to90 over90 total }
    }
  }
`;

const CUSTOMER_VIEW = `number customerName month openingBalance invoicedAmount paidAmount closingBalance status customerAmount customerComment lines { date kind reference contractNumber amount }`;

export const STATEMENT_FOR_CONFIRMATION = gql<{ statementForConfirmation: StatementForCustomer }, { token: string }>`
  query StatementForConfirmation($token: String!) {
    statementForConfirmation(token: $token) { ${CUSTOMER_VIEW} }
  }
`;

export const CONFIRM_STATEMENT = gql<{ confirmStatement: { alerted: boolean; statement: StatementForCustomer } }, { token: string; amount: number; comment?: string | null }>`
  mutation ConfirmStatement($token: String!, $amount: Float!, $comment: String) {
    confirmStatement(token: $token, confirmedAmount: $amount, comment: $comment) { alerted statement { ${CUSTOMER_VIEW} } }
  }
`;

export const DISPUTE_STATEMENT = gql<{ disputeStatement: { alerted: boolean; statement: StatementForCustomer } }, { token: string; amount: number; comment: string }>`
  mutation DisputeStatement($token: String!, $amount: Float!, $comment: String!) {
    disputeStatement(token: $token, amount: $amount, comment: $comment) { alerted statement { ${CUSTOMER_VIEW} } }
  }
`;

/** The current month and the one before, as YYYY-MM. */
export function currentMonth(now = new Date()): string {
  return now.toISOString().slice(0, 7);
}

export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1 + delta, 1)).toISOString().slice(0, 7);
}

/** A fresh idempotency key per submitted form (a retry of the same submit reuses it). */
export function newIdempotencyKey(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** Saves a base64 file from the API as a download. */
export function downloadBase64(file: { filename: string; contentType: string; base64: string }): void {
  const bytes = Uint8Array.from(atob(file.base64), (c) => c.charCodeAt(0));
  const url = URL.createObjectURL(new Blob([bytes], { type: file.contentType }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.filename;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
