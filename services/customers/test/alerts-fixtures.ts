// Shared by the alerts, stage-model and ERP integration tests: unique customers, stage moves, a
// local HTTP receiver for robot webhooks, and a look into the customers database's outbox.
import { randomBytes, randomInt } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar } from '@lianxiao/demo-data';
import { gql } from '@lianxiao/testing';

export const HOUR = 3_600_000;
export const DAY = 24 * HOUR;

export function uniqueCreditCode(): string {
  let body = '91320500';
  for (let i = 0; i < 9; i++) body += CREDIT_CODE_ALPHABET[randomInt(0, 31)];
  return body + creditCodeCheckChar(body);
}

export async function userId(token: string): Promise<string> {
  const answer = await gql<{ me: { id: string } }>('{ me { id } }', {}, token);
  if (!answer.data?.me) throw new Error(`me failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.me.id;
}

const CREATE = `mutation($input: CreateCustomerInput!) { createCustomer(input: $input) { id name stageEnteredAt } }`;

export async function createCustomer(token: string, ownerId: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const tag = randomBytes(3).toString('hex');
  const answer = await gql<{ createCustomer: { id: string; name: string } }>(
    CREATE,
    { input: { name: `预警测试客户${tag}有限公司`, creditCode: uniqueCreditCode(), industry: '家电', channel: 'PHONE', region: '华东', ownerId, ...extra } },
    token,
  );
  if (!answer.data?.createCustomer) throw new Error(`createCustomer failed: ${JSON.stringify(answer.errors)}`);
  return answer.data.createCustomer;
}

export const MOVE = `mutation($id: ID!, $to: String!) { moveStage(customerId: $id, toStage: $to) { id stage } }`;
const ADD_EVIDENCE = `mutation($id: ID!, $input: AddEvidenceInput!) { addEvidence(customerId: $id, input: $input) { id } }`;

export async function moveTo(token: string, customerId: string, stages: string[]): Promise<void> {
  for (const to of stages) {
    const answer = await gql(MOVE, { id: customerId, to }, token);
    if (answer.errors) throw new Error(`move to ${to} failed: ${JSON.stringify(answer.errors)}`);
  }
}

export async function addEvidence(token: string, customerId: string, type: string): Promise<void> {
  const bytes = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(64), Buffer.from('\n%%EOF\n')]);
  const answer = await gql(ADD_EVIDENCE, { id: customerId, input: { type, fileName: `${type.toLowerCase()}.pdf`, mimeType: 'application/pdf', contentBase64: bytes.toString('base64') } }, token);
  if (answer.errors) throw new Error(`addEvidence ${type} failed: ${JSON.stringify(answer.errors)}`);
}

/** Into 合同 the way a rep gets there: 询盘 → 打样 → 报价, the seal scan and signature page, then 合同. */
export async function moveToContract(token: string, customerId: string): Promise<void> {
  await moveTo(token, customerId, ['INQUIRY', 'SAMPLING', 'QUOTATION']);
  await addEvidence(token, customerId, 'CONTRACT_SEAL_SCAN');
  await addEvidence(token, customerId, 'SIGNATURE_PAGE_CLOSEUP');
  await moveTo(token, customerId, ['CONTRACT']);
}

export interface ReceivedPost {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** A local stand-in for the WeCom and DingTalk robot endpoints: answers {"errcode":0} and keeps every post. */
export async function startRobotReceiver(): Promise<{ url: string; posts: ReceivedPost[]; close(): Promise<void> }> {
  const posts: ReceivedPost[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      posts.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, posts, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export async function waitUntil<T>(probe: () => Promise<T | undefined | null | false>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Payloads of the outbox rows of the customers database with this message key (SQLite file or MariaDB schema of the stack under test). */
export async function customersOutbox(messageKey: string): Promise<{ topic: string; payload: Record<string, unknown> }[]> {
  if (process.env.LIANXIAO_DB === 'mariadb') {
    const mysql = await import('mysql2/promise');
    const url = new URL(process.env.MYSQL_URL ?? 'mariadb://root@127.0.0.1:3306');
    const conn = await mysql.createConnection({ host: url.hostname, port: Number(url.port || 3306), user: decodeURIComponent(url.username), password: decodeURIComponent(url.password), database: `${process.env.LIANXIAO_DB_PREFIX ?? 'lianxiao_'}customers` });
    try {
      const [rows] = await conn.query('SELECT topic, payload FROM outbox_event WHERE messageKey = ? ORDER BY seq', [messageKey]);
      return (rows as { topic: string; payload: string }[]).map((r) => ({ topic: r.topic, payload: JSON.parse(r.payload) as Record<string, unknown> }));
    } finally {
      await conn.end();
    }
  }
  const dir = process.env.LIANXIAO_DATA_DIR;
  if (!dir) throw new Error('LIANXIAO_DATA_DIR is not set: run the integration tests with `npm test`');
  const Database = (await import('better-sqlite3')).default;
  const db = new Database(path.join(dir, 'customers.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare('SELECT topic, payload FROM outbox_event WHERE messageKey = ? ORDER BY seq').all(messageKey) as { topic: string; payload: string }[];
    return rows.map((r) => ({ topic: r.topic, payload: JSON.parse(r.payload) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}
