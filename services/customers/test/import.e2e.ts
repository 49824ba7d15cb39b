// Imports of customers and follow-ups through the real gateway: chunked upload, dry run with a
// row-level report, all-or-nothing commit, GBK CSV, XLSX; and the stale-customer clean-up fed by
// an import of customers with an old last interaction. Unique data per run.
import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { errorCodes, gql, GraphQLAnswer, tokenFor } from '@lianxiao/testing';

// Several round trips per test through the gateway; a loaded CI machine needs more than the default 30 s.
jest.setTimeout(90_000);

function ok<T>(answer: GraphQLAnswer<T>): T {
  if (answer.errors?.length) throw new Error(JSON.stringify(answer.errors));
  return answer.data as T;
}
function randomCreditCode(): string {
  let body = '91440300';
  while (body.length < 17) body += CREDIT_CODE_ALPHABET[randomBytes(1)[0] % 31];
  return body + creditCodeCheckChar(body);
}
function randomStem(): string {
  const chars = '甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳午未申酉戌亥金木水火土风云雷电松柏桃李梅兰竹菊';
  return [...randomBytes(6)].map((b) => chars[b % chars.length]).join('');
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Job { id: string; status: string; totalRows: number; processedRows: number; errorCount: number; committedRows: number; errors: { row: number; column: string; reasonZh: string; reasonEn: string }[] }
const JOB_FIELDS = 'id status totalRows processedRows errorCount committedRows errors { row column reasonZh reasonEn }';

async function waitFor(token: string, id: string, done: string[]): Promise<Job> {
  const deadline = Date.now() + 60_000;
  for (;;) {
    const job = ok(await gql<{ importJob: Job }>(`query($id: ID!) { importJob(id: $id) { ${JOB_FIELDS} } }`, { id }, token)).importJob;
    if (done.includes(job.status)) return job;
    if (Date.now() > deadline) throw new Error(`import ${id} stuck in ${job.status}`);
    await sleep(200);
  }
}

/** Upload in chunks (as the portal does) and wait for the dry run. */
async function upload(token: string, kind: 'CUSTOMERS' | 'FOLLOW_UPS', fileName: string, bytes: Buffer, chunkSize = 64 * 1024): Promise<Job> {
  const job = ok(await gql<{ startImport: Job }>(`mutation($input: StartImportInput!) { startImport(input: $input) { ${JOB_FIELDS} } }`, { input: { kind, fileName, sizeBytes: bytes.length } }, token)).startImport;
  expect(job.status).toBe('UPLOADING');
  for (let i = 0, index = 0; i < bytes.length; i += chunkSize, index++) {
    ok(await gql('mutation($id: ID!, $i: Int!, $c: String!) { uploadImportChunk(jobId: $id, index: $i, contentBase64: $c) { id } }', { id: job.id, i: index, c: bytes.subarray(i, i + chunkSize).toString('base64') }, token));
  }
  return waitFor(token, job.id, ['VALID', 'INVALID', 'FAILED']);
}

async function commit(token: string, id: string): Promise<Job> {
  ok(await gql(`mutation($id: ID!) { commitImport(jobId: $id) { id status } }`, { id }, token));
  return waitFor(token, id, ['COMMITTED', 'FAILED']);
}

async function countByName(token: string, search: string): Promise<number> {
  return ok(await gql<{ customers: { totalCount: number } }>('query($s: String) { customers(search: $s, first: 1) { totalCount } }', { s: search }, token)).customers.totalCount;
}

const HEADER = '客户名称,统一社会信用代码,行业,区域,首次接触渠道,电话,产品线,最近互动时间';

describe('import of customers', () => {
  let director: string, supervisor: string;
  beforeAll(async () => {
    director = await tokenFor('director');
    supervisor = await tokenFor('supervisor.east');
  });

  it('failing: a file with errors gets a row-level report and nothing is written, not even its good rows', async () => {
    const stem = randomStem();
    const dup = randomCreditCode();
    const csv = [
      HEADER,
      `${stem}一号有限公司,${randomCreditCode()},家电,华东,电话,13800000001,五金件,2026-01-05`,
      `,${randomCreditCode()},家电,华东,PHONE,,,`,
      `${stem}三号有限公司,913200000000000001,家电,华东,PHONE,,,`,
      `${stem}四号有限公司,${dup},不存在的行业,华东,PHONE,,,`,
      `${stem}五号有限公司,${dup},家电,华东,外星,,,`,
      `${stem}六号有限公司,${randomCreditCode()},家电,华东,PHONE,,,2026-02-30`,
    ].join('\n');
    const job = await upload(director, 'CUSTOMERS', 'errors.csv', Buffer.from(csv, 'utf8'));
    expect(job.status).toBe('INVALID');
    expect(job.totalRows).toBe(6);
    expect(job.errors.map((e) => `${e.row}|${e.column}`)).toEqual([
      '3|客户名称', '4|统一社会信用代码', '5|行业', '6|首次接触渠道', '6|统一社会信用代码', '7|最近互动时间',
    ]);
    expect(job.errors[0]).toMatchObject({ reasonZh: '必填项为空', reasonEn: 'required value is empty' });
    expect(job.errors[4].reasonZh).toBe('与第 5 行的统一社会信用代码重复');
    expect(job.errorCount).toBe(6);
    expect(errorCodes(await gql('mutation($id: ID!) { commitImport(jobId: $id) { id } }', { id: job.id }, director))).toEqual(['IMPORT_WRONG_STATUS']);
    expect(await countByName(director, stem)).toBe(0);
  });

  it('failing: a supervisor cannot import customers of another region', async () => {
    const stem = randomStem();
    const csv = `${HEADER}\n${stem}华南公司,${randomCreditCode()},家电,华南,PHONE,,,\n`;
    const job = await upload(supervisor, 'CUSTOMERS', 'south.csv', Buffer.from(csv));
    expect(job.status).toBe('INVALID');
    expect(job.errors).toEqual([{ row: 2, column: '区域', reasonZh: '主管只能导入本区域（华东）的客户', reasonEn: 'a supervisor may only import customers of their region (华东)' }]);
  });

  it('successful: a clean file is committed in full, with progress reaching every row', async () => {
    const stem = randomStem();
    const rows = Array.from({ length: 120 }, (_, i) => `${stem}客户${i}有限公司,${randomCreditCode()},汽车零部件,华东,展会,,"五金件、模具",`);
    const job = await upload(director, 'CUSTOMERS', 'clean.csv', Buffer.from([HEADER, ...rows].join('\r\n')), 2048);
    expect(job).toMatchObject({ status: 'VALID', totalRows: 120, errorCount: 0, errors: [] });
    expect(await countByName(director, stem)).toBe(0); // the dry run wrote nothing
    const done = await commit(director, job.id);
    expect(done).toMatchObject({ status: 'COMMITTED', committedRows: 120, processedRows: 120 });
    expect(await countByName(director, stem)).toBe(120);
    const one = ok(await gql<{ customers: { nodes: { stage: string; channel: string; productLines: string[]; region: string }[] } }>('query($s: String) { customers(search: $s, first: 1) { nodes { stage channel productLines region } } }', { s: `${stem}客户7有` }, director));
    expect(one.customers.nodes).toEqual([{ stage: 'LEAD', channel: 'TRADE_SHOW', productLines: ['五金件', '模具'], region: '华东' }]);
  });

  it('successful: a GBK CSV saved by Chinese Excel is accepted and decoded', async () => {
    const stem = randomStem();
    const csv = `${HEADER}\r\n${stem}国标编码有限公司,${randomCreditCode()},家电,华东,转介绍,,,\r\n`;
    const gbk = iconv.encode(csv, 'gbk');
    expect(gbk.includes(Buffer.from('客户名称'))).toBe(false);
    const job = await upload(director, 'CUSTOMERS', '客户导入.csv', gbk);
    expect(job).toMatchObject({ status: 'VALID', totalRows: 1 });
    expect((await commit(director, job.id)).status).toBe('COMMITTED');
    const found = ok(await gql<{ customers: { nodes: { name: string; channel: string }[] } }>('query($s: String) { customers(search: $s, first: 5) { nodes { name channel } } }', { s: stem }, director));
    expect(found.customers.nodes).toEqual([{ name: `${stem}国标编码有限公司`, channel: 'REFERRAL' }]);
  });

  it('successful: follow-ups from an XLSX land on the customers named by credit code', async () => {
    const stem = randomStem();
    const code = randomCreditCode();
    const job = await upload(director, 'CUSTOMERS', 'one.csv', Buffer.from(`${HEADER}\n${stem}跟进测试有限公司,${code},家电,华东,PHONE,,,\n`));
    await commit(director, job.id);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('跟进');
    ws.addRow(['客户统一社会信用代码', '跟进方式', '跟进内容', '下次行动', '下次行动日期', '跟进时间']);
    ws.addRow([code, '拜访', `${stem} 现场拜访`, '寄样', '2027-01-10', new Date(Date.UTC(2026, 9, 8, 10, 0))]);
    ws.addRow([code, '微信', `${stem} 微信沟通`, null, null, '2026-10-09 10:30']);
    ws.addRow([randomCreditCode(), '电话', '不存在的客户', null, null, null]);
    const bad = await upload(director, 'FOLLOW_UPS', 'follow-ups.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(bad.status).toBe('INVALID');
    expect(bad.errors.map((e) => `${e.row}|${e.column}`)).toEqual(['4|客户统一社会信用代码']);
    ws.spliceRows(4, 1);
    const good = await upload(director, 'FOLLOW_UPS', 'follow-ups.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(good).toMatchObject({ status: 'VALID', totalRows: 2 });
    expect((await commit(director, good.id)).committedRows).toBe(2);
    const c = ok(await gql<{ customers: { nodes: { followUps: { type: string; summary: string; createdAt: string }[]; nextActionDate: string | null }[] } }>('query($s: String) { customers(search: $s, first: 1) { nodes { nextActionDate followUps(first: 10) { type summary createdAt } } } }', { s: code }, director));
    expect(c.customers.nodes[0].followUps).toEqual([
      { type: 'WECHAT', summary: `${stem} 微信沟通`, createdAt: '2026-10-09T02:30:00.000Z' },
      { type: 'VISIT', summary: `${stem} 现场拜访`, createdAt: '2026-10-08T02:00:00.000Z' },
    ]);
  });
});

describe('stale customers', () => {
  let director: string;
  beforeAll(async () => {
    director = await tokenFor('director');
  });

  it('successful: customers without interaction for N months are listed and archived in bulk; a fresh one is refused', async () => {
    const stem = randomStem();
    const rows = [0, 1, 2].map((i) => `${stem}沉睡${i}有限公司,${randomCreditCode()},家电,华东,PHONE,,,2001-0${i + 1}-15`);
    rows.push(`${stem}活跃有限公司,${randomCreditCode()},家电,华东,PHONE,,,`);
    const job = await upload(director, 'CUSTOMERS', 'stale.csv', Buffer.from([HEADER, ...rows].join('\n')));
    await commit(director, job.id);
    const STALE = 'query { staleCustomers(months: 12, first: 200) { totalCount nodes { id name lastInteractionAt } } }';
    const listed = ok(await gql<{ staleCustomers: { nodes: { id: string; name: string }[] } }>(STALE, {}, director)).staleCustomers.nodes.filter((n) => n.name.startsWith(stem));
    expect(listed.map((n) => n.name)).toEqual([0, 1, 2].map((i) => `${stem}沉睡${i}有限公司`));
    const fresh = ok(await gql<{ customers: { nodes: { id: string }[] } }>('query($s: String) { customers(search: $s, first: 1) { nodes { id } } }', { s: `${stem}活跃` }, director)).customers.nodes[0].id;
    const refused = await gql('mutation($ids: [ID!]!) { archiveStaleCustomers(customerIds: $ids, months: 12) { id } }', { ids: [...listed.map((n) => n.id), fresh] }, director);
    expect(errorCodes(refused)).toEqual(['CUSTOMER_NOT_STALE']);
    const archived = ok(await gql<{ archiveStaleCustomers: { id: string; archivedAt: string | null }[] }>('mutation($ids: [ID!]!) { archiveStaleCustomers(customerIds: $ids, months: 12) { id archivedAt } }', { ids: listed.map((n) => n.id) }, director));
    expect(archived.archiveStaleCustomers.every((c) => c.archivedAt)).toBe(true);
    const after = ok(await gql<{ staleCustomers: { nodes: { name: string }[] } }>(STALE, {}, director)).staleCustomers.nodes.filter((n) => n.name.startsWith(stem));
    expect(after).toEqual([]);
    // Restoring one brings it back to the list; the rest stay archived.
    const restored = ok(await gql<{ restoreArchivedCustomers: { archivedAt: string | null }[] }>('mutation($ids: [ID!]!) { restoreArchivedCustomers(customerIds: $ids) { archivedAt } }', { ids: [listed[0].id] }, director));
    expect(restored.restoreArchivedCustomers).toEqual([{ archivedAt: null }]);
    const back = ok(await gql<{ staleCustomers: { nodes: { name: string }[] } }>(STALE, {}, director)).staleCustomers.nodes.filter((n) => n.name.startsWith(stem));
    expect(back.map((n) => n.name)).toEqual([`${stem}沉睡0有限公司`]);
    ok(await gql('mutation($ids: [ID!]!) { archiveStaleCustomers(customerIds: $ids, months: 12) { id } }', { ids: [listed[0].id] }, director));
  });
});
