import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { errorCodes, gql as rawGql, startSmtpReceiver, tokenFor as rawTokenFor, type GraphQLAnswer, type SmtpReceiver } from '@lianxiao/testing';

/** The gateway sheds load (OVERLOADED, retry after 1 s) when the shared CI machine lags: retry like a client would. */
async function gql<T = Record<string, unknown>>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
  for (let attempt = 1; ; attempt++) {
    const answer = await rawGql<T>(query, variables, token);
    if (attempt >= 10 || !errorCodes(answer).some((code) => code.startsWith('OVERLOADED'))) return answer;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function tokenFor(username: string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await rawTokenFor(username);
    } catch (error) {
      if (attempt >= 10 || !String(error).includes('OVERLOADED')) throw error;
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

/**
 * Finance through the gateway: idempotent payments, a customer's monthly statement mailed to a real
 * SMTP receiver (the stacks get SMTP_URL=smtp://127.0.0.1:$LIANXIAO_SMTP_PORT from the test runner;
 * this file listens there), confirmation with a 6 % deviation → finance alert, and DSO for a fixture
 * month computed by hand. Runs again on the same database: it works in a month after everything
 * already recorded for its customer, and first settles the customer's contracts to a zero balance.
 */

interface ContractRow { id: string; number: string; customerId: string; amount: number; status: string; invoicedAmount: number; paidAmount: number }
interface StatementRow { id: string; number: string; month: string; customerName: string; openingBalance: number; invoicedAmount: number; paidAmount: number; closingBalance: number; status: string; emailTo: string; lines: { kind: string; amount: number }[] }

const CONTRACT_FIELDS = 'id number customerId amount status invoicedAmount paidAmount';
const RECORD_PAYMENT = 'mutation($input: RecordPaymentInput!) { recordPayment(input: $input) { id amount receivedOn contractId } }';
const RECORD_INVOICE = 'mutation($input: RecordInvoiceInput!) { recordInvoice(input: $input) { id amount issuedOn number } }';
const STATEMENT_FIELDS = 'id number month customerName openingBalance invoicedAmount paidAmount closingBalance status emailTo lines { kind amount }';

function ok<T>(answer: { data?: T | null; errors?: unknown[] }): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}

const unique = () => `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const fen = (yuan: number) => Math.round(yuan * 100);
function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
const daysIn = (month: string) => new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5, 7)), 0)).getUTCDate();

async function waitFor<T>(probe: () => Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

describe('finance: invoices, payments, statements, DSO', () => {
  let finance: string;
  let receiver: SmtpReceiver;
  let contract: ContractRow;
  let month: string;

  beforeAll(async () => {
    const port = Number(process.env.LIANXIAO_SMTP_PORT);
    if (!port) throw new Error('LIANXIAO_SMTP_PORT is not set: run through tools/test/run-tests.mjs (npm test), which gives the stacks SMTP_URL');
    receiver = await startSmtpReceiver(port);
    finance = await tokenFor('finance');

    // The signed contract with the most room left, and every contract of its customer.
    const all = ok(await gql<{ contracts: { nodes: ContractRow[] } }>(`{ contracts(first: 200) { nodes { ${CONTRACT_FIELDS} } } }`, {}, finance)).contracts.nodes;
    contract = all.filter((c) => c.status === 'SIGNED').sort((a, b) => (b.amount - Math.max(b.invoicedAmount, b.paidAmount)) - (a.amount - Math.max(a.invoicedAmount, a.paidAmount)))[0];
    expect(contract.amount - Math.max(contract.invoicedAmount, contract.paidAmount)).toBeGreaterThan(60_000);

    // A fixture month after everything recorded for this customer (30 days, for round arithmetic).
    const latest = ok(await gql<{ invoices: { nodes: { issuedOn: string }[] }; payments: { nodes: { receivedOn: string }[] } }>(
      'query($c: ID!) { invoices(customerId: $c, first: 1) { nodes { issuedOn } } payments(customerId: $c, first: 1) { nodes { receivedOn } } }', { c: contract.customerId }, finance,
    ));
    const last = [latest.invoices.nodes[0]?.issuedOn ?? '2026-01-01', latest.payments.nodes[0]?.receivedOn ?? '2026-01-01'].sort().pop()!;
    const settleMonth = nextMonth(last.slice(0, 7) < '2099-12' ? '2099-12' : last.slice(0, 7));
    month = nextMonth(settleMonth);
    while (daysIn(month) !== 30) month = nextMonth(month);

    // Settle every contract of the customer to a zero balance in the settlement month.
    const mine = ok(await gql<{ contracts: { nodes: ContractRow[] } }>(`query($c: ID!) { contracts(customerId: $c, first: 200) { nodes { ${CONTRACT_FIELDS} } } }`, { c: contract.customerId }, finance)).contracts.nodes;
    for (const c of mine.filter((x) => x.status === 'SIGNED')) {
      const balance = fen(c.invoicedAmount) - fen(c.paidAmount);
      if (balance > 0) ok(await gql(RECORD_PAYMENT, { input: { contractId: c.id, amount: balance / 100, receivedOn: `${settleMonth}-15`, reference: `SETTLE-${unique()}`, idempotencyKey: `settle-${unique()}` } }, finance));
      if (balance < 0) ok(await gql(RECORD_INVOICE, { input: { contractId: c.id, amount: -balance / 100, issuedOn: `${settleMonth}-15`, number: `S${unique()}`, idempotencyKey: `settle-${unique()}` } }, finance));
    }
  }, 30_000);

  afterAll(async () => {
    await receiver?.close();
  });

  it('records a payment once per idempotency key and refuses the key with another payload', async () => {
    const key = `pay-${unique()}`;
    const input = { contractId: contract.id, amount: 1000.5, receivedOn: `${month}-01`, reference: `YH-${unique()}`, idempotencyKey: key };
    const first = ok(await gql<{ recordPayment: { id: string; amount: number } }>(RECORD_PAYMENT, { input }, finance)).recordPayment;
    const again = ok(await gql<{ recordPayment: { id: string; amount: number } }>(RECORD_PAYMENT, { input }, finance)).recordPayment;
    expect(again).toEqual(first);
    expect(first.amount).toBe(1000.5);

    const reused = await gql(RECORD_PAYMENT, { input: { ...input, amount: 1000.51 } }, finance);
    expect(errorCodes(reused)).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    const paid = ok(await gql<{ payments: { totalCount: number } }>('query($c: ID!, $m: String) { payments(contractId: $c, month: $m, first: 0) { totalCount } }', { c: contract.id, m: month }, finance));
    expect(paid.payments.totalCount).toBe(1);

    // Undo the payment's effect on the fixture month with a matching invoice, so the month stays hand-computable below.
    ok(await gql(RECORD_INVOICE, { input: { contractId: contract.id, amount: 1000.5, issuedOn: `${month}-01`, number: `A${unique()}`, idempotencyKey: `inv-${unique()}` } }, finance));
  });

  it('refuses an over-payment, a third decimal and a rep, naming what is left', async () => {
    const now = ok(await gql<{ contract: ContractRow }>(`query($id: ID!) { contract(id: $id) { ${CONTRACT_FIELDS} } }`, { id: contract.id }, finance)).contract;
    const left = (fen(now.amount) - fen(now.paidAmount)) / 100;
    const over = await gql(RECORD_PAYMENT, { input: { contractId: contract.id, amount: left + 0.01, receivedOn: `${month}-02`, idempotencyKey: `over-${unique()}` } }, finance);
    expect(errorCodes(over)).toEqual(['OVERPAYMENT']);
    expect(over.errors?.[0].extensions?.messageZh).toContain('回款超出合同金额');
    expect(over.errors?.[0].extensions?.messageEn).toContain(left.toLocaleString('en-US', { minimumFractionDigits: 2 }));

    const decimals = await gql(RECORD_PAYMENT, { input: { contractId: contract.id, amount: 10.005, receivedOn: `${month}-02`, idempotencyKey: `dec-${unique()}` } }, finance);
    expect(errorCodes(decimals)).toEqual(['VALIDATION_FAILED']);
    const rep = await gql(RECORD_PAYMENT, { input: { contractId: contract.id, amount: 10, receivedOn: `${month}-02`, idempotencyKey: `rep-${unique()}` } }, await tokenFor('rep.east1'));
    expect(errorCodes(rep)).toEqual(['FORBIDDEN']);
  });

  it('computes DSO for the fixture month by hand', async () => {
    // The customer's balance is 0 at the start of the month (settled above; the 1,000.50 payment and invoice cancel out).
    ok(await gql(RECORD_INVOICE, { input: { contractId: contract.id, amount: 12_000, issuedOn: `${month}-03`, number: `B${unique()}`, idempotencyKey: `inv-${unique()}` } }, finance));
    ok(await gql(RECORD_INVOICE, { input: { contractId: contract.id, amount: 8_000, issuedOn: `${month}-20`, number: `C${unique()}`, idempotencyKey: `inv-${unique()}` } }, finance));
    ok(await gql(RECORD_PAYMENT, { input: { contractId: contract.id, amount: 5_000, receivedOn: `${month}-25`, reference: `YH-${unique()}`, idempotencyKey: `pay-${unique()}` } }, finance));
    const answer = ok(await gql<{ dsoTrend: { key: string; points: { month: string; receivables: number; revenue: number; days: number; dso: number | null }[] }[] }>(
      'query($m: String!, $c: ID!) { dsoTrend(fromMonth: $m, toMonth: $m, dimension: CUSTOMER, customerId: $c) { key points { month receivables revenue days dso } } }',
      { m: month, c: contract.customerId }, finance,
    ));
    // invoiced   = 1,000.50 + 12,000.00 + 8,000.00            = 21,000.50  (the month's revenue)
    // paid       = 1,000.50 + 5,000.00                          =  6,000.50
    // receivables at month end = 0 + 21,000.50 − 6,000.50     = 15,000.00
    // DSO = receivables / revenue × days = 15,000 / 21,000.50 × 30 = 21.4282… → 21.4 days
    expect(answer.dsoTrend).toEqual([{ key: contract.customerId, points: [{ month, receivables: 15_000, revenue: 21_000.5, days: 30, dso: 21.4 }] }]);
  });

  it('mails the month’s statement with PDF (Chinese) and XLSX; a confirmation 6 % off ours alerts finance', async () => {
    const generated = ok(await gql<{ generateStatements: StatementRow[] }>(
      `mutation($m: String!, $c: ID!) { generateStatements(month: $m, customerId: $c) { ${STATEMENT_FIELDS} } }`, { m: month, c: contract.customerId }, finance,
    )).generateStatements;
    expect(generated).toHaveLength(1);
    const statement = generated[0];
    expect(statement).toMatchObject({ month, openingBalance: 0, invoicedAmount: 21_000.5, paidAmount: 6_000.5, closingBalance: 15_000 });
    expect(statement.lines.map((l) => l.kind).sort()).toEqual(['INVOICE', 'INVOICE', 'INVOICE', 'PAYMENT', 'PAYMENT']);

    const mail = await receiver.waitFor((m) => (m.subject ?? '').includes(statement.number));
    expect(mail.to && 'text' in mail.to ? mail.to.text : '').toContain(statement.emailTo);
    expect(mail.subject).toContain('对账单');
    expect(mail.attachments.map((a) => a.filename).sort()).toEqual([`${statement.number}.pdf`, `${statement.number}.xlsx`]);
    const dir = mkdtempSync(join(tmpdir(), 'statement-'));
    const pdfFile = join(dir, 'statement.pdf');
    writeFileSync(pdfFile, mail.attachments.find((a) => a.filename.endsWith('.pdf'))!.content);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('客户对账单');
    expect(text).toContain('期末余额');
    expect(text).toContain(statement.customerName);
    expect(text).toContain('15,000.00');

    const sent = await waitFor(async () => {
      const rows = ok(await gql<{ statements: { nodes: StatementRow[] } }>('query($m: String, $c: ID) { statements(month: $m, customerId: $c, first: 5) { nodes { id status } } }', { m: month, c: contract.customerId }, finance)).statements.nodes;
      return rows[0]?.status === 'SENT' ? rows[0] : undefined;
    }, 'the statement to be marked SENT');
    expect(sent.id).toBe(statement.id);

    const token = new URL(/https?:\/\/\S+statement-confirmation\?token=\S+/.exec(mail.text ?? '')![0]).searchParams.get('token')!;
    const view = ok(await gql<{ statementForConfirmation: { number: string; closingBalance: number; status: string } }>(
      'query($t: String!) { statementForConfirmation(token: $t) { number closingBalance status } }', { t: token },
    )).statementForConfirmation;
    expect(view).toEqual({ number: statement.number, closingBalance: 15_000, status: 'SENT' });

    // The customer confirms 15,900.00: (15,900 − 15,000) / 15,000 = 6 % > 5 % → alert.
    const confirmed = ok(await gql<{ confirmStatement: { deviation: number; alerted: boolean; statement: { status: string; customerAmount: number } } }>(
      'mutation($t: String!) { confirmStatement(token: $t, confirmedAmount: 15900, comment: "含一笔在途发票") { deviation alerted statement { status customerAmount } } }', { t: token },
    )).confirmStatement;
    expect(confirmed).toEqual({ deviation: 0.06, alerted: true, statement: { status: 'CONFIRMED', customerAmount: 15_900 } });
    const twice = await gql('mutation($t: String!) { confirmStatement(token: $t, confirmedAmount: 15000) { alerted } }', { t: token });
    expect(errorCodes(twice)).toEqual(['STATEMENT_ALREADY_ANSWERED']);

    const alerts = ok(await gql<{ financeAlerts: { statementId: string; kind: string; deviation: number; ourAmount: number; customerAmount: number; comment: string }[] }>(
      '{ financeAlerts(first: 20) { statementId kind deviation ourAmount customerAmount comment } }', {}, await tokenFor('director'),
    )).financeAlerts;
    expect(alerts.find((a) => a.statementId === statement.id)).toEqual({ statementId: statement.id, kind: 'STATEMENT_DEVIATION', deviation: 0.06, ourAmount: 15_000, customerAmount: 15_900, comment: '含一笔在途发票' });
    expect(errorCodes(await gql('{ financeAlerts { id } }', {}, await tokenFor('rep.east1')))).toEqual(['FORBIDDEN']);

    // Generating the month again keeps the answered statement and mails nobody.
    const again = ok(await gql<{ generateStatements: StatementRow[] }>(`mutation($m: String!, $c: ID!) { generateStatements(month: $m, customerId: $c) { id status } }`, { m: month, c: contract.customerId }, finance)).generateStatements;
    expect(again).toEqual([{ id: statement.id, status: 'CONFIRMED' }]);
  }, 60_000);

  it('downloads the statement as PDF and XLSX', async () => {
    const [s] = ok(await gql<{ statements: { nodes: { id: string; number: string }[] } }>('query($m: String, $c: ID) { statements(month: $m, customerId: $c, first: 1) { nodes { id number } } }', { m: month, c: contract.customerId }, finance)).statements.nodes;
    const pdf = ok(await gql<{ statementDocument: { filename: string; contentType: string; base64: string } }>('query($id: ID!) { statementDocument(id: $id, format: PDF) { filename contentType base64 } }', { id: s.id }, finance)).statementDocument;
    expect(pdf.filename).toBe(`${s.number}.pdf`);
    expect(Buffer.from(pdf.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = ok(await gql<{ statementDocument: { base64: string } }>('query($id: ID!) { statementDocument(id: $id, format: XLSX) { base64 } }', { id: s.id }, finance)).statementDocument;
    expect(Buffer.from(xlsx.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
  }, 30_000);

  it('shows first-payment timeliness for the scorecard and the ageing table on the demo data', async () => {
    const rows = ok(await gql<{ firstPaymentTimeliness: { status: string; daysLate: number | null; onTime: boolean }[] }>('{ firstPaymentTimeliness { status daysLate onTime } }', {}, finance)).firstPaymentTimeliness;
    expect(rows.length).toBeGreaterThan(10);
    for (const r of rows.filter((x) => x.status === 'ON_TIME' || x.status === 'LATE')) expect(r.onTime).toBe(r.daysLate! <= 7);
    expect(rows.some((r) => r.status === 'ON_TIME')).toBe(true);
    const ageing = ok(await gql<{ receivablesAgeing: { totals: { total: number; days0to30: number; days31to60: number; days61to90: number; over90: number } } }>(
      '{ receivablesAgeing(asOf: "2026-11-20") { totals { total days0to30 days31to60 days61to90 over90 } } }', {}, finance,
    )).receivablesAgeing;
    const t = ageing.totals;
    expect(t.total).toBeGreaterThan(0);
    expect(fen(t.days0to30) + fen(t.days31to60) + fen(t.days61to90) + fen(t.over90)).toBe(fen(t.total));
  });
});
