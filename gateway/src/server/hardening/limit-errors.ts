import { GraphQLError } from 'graphql';

/** Coded refusals of the gateway's protective limits; every message names the limit. */
export type LimitCode =
  | 'QUERY_TOO_DEEP'
  | 'TOO_MANY_ALIASES'
  | 'TOO_MANY_DIRECTIVES'
  | 'TOO_MANY_TOKENS'
  | 'QUERY_TOO_COSTLY'
  | 'TOO_MANY_ROOT_FIELDS'
  | 'BATCH_TOO_LARGE'
  | 'BODY_TOO_LARGE'
  | 'BAD_REQUEST_BODY'
  | 'RATE_LIMITED'
  | 'OVERLOADED'
  | 'OVERLOADED_LAGGING'
  | 'OVERLOADED_QUEUE_WAIT';

const TEXT: Record<LimitCode, (limit: number, found?: number) => { zh: string; en: string }> = {
  QUERY_TOO_DEEP: (l, f) => ({ zh: `查询深度 ${f ?? '?'} 超过上限 ${l}`, en: `Query depth ${f ?? '?'} exceeds the limit ${l}` }),
  TOO_MANY_ALIASES: (l, f) => ({ zh: `别名数量 ${f ?? '?'} 超过上限 ${l}`, en: `${f ?? '?'} aliases exceed the limit ${l}` }),
  TOO_MANY_DIRECTIVES: (l, f) => ({ zh: `指令数量 ${f ?? '?'} 超过上限 ${l}`, en: `${f ?? '?'} directives exceed the limit ${l}` }),
  TOO_MANY_TOKENS: (l) => ({ zh: `查询词元数量超过上限 ${l}`, en: `The query has more tokens than the limit ${l}` }),
  QUERY_TOO_COSTLY: (l, f) => ({ zh: `查询成本 ${f ?? '?'} 超过上限 ${l}`, en: `Query cost ${f ?? '?'} exceeds the limit ${l}` }),
  TOO_MANY_ROOT_FIELDS: (l, f) => ({ zh: `一次请求的根字段数量 ${f ?? '?'} 超过上限 ${l}`, en: `${f ?? '?'} root fields in one operation exceed the limit ${l}` }),
  BATCH_TOO_LARGE: (l, f) => ({ zh: `批量请求包含 ${f ?? '?'} 个操作，超过上限 ${l}`, en: `A batch of ${f ?? '?'} operations exceeds the limit ${l}` }),
  BODY_TOO_LARGE: (l) => ({ zh: `请求体超过上限 ${Math.round(l / 1024 / 1024)} MB`, en: `The request body exceeds the limit of ${Math.round(l / 1024 / 1024)} MB` }),
  BAD_REQUEST_BODY: () => ({ zh: '请求体不是有效的 JSON', en: 'The request body is not valid JSON' }),
  RATE_LIMITED: (l, f) => ({ zh: `请求过于频繁：每分钟上限 ${l} 次，请 ${f ?? 1} 秒后重试`, en: `Too many requests: the limit is ${l} per minute; retry in ${f ?? 1} s` }),
  OVERLOADED_LAGGING: (l, f) => ({ zh: `系统繁忙（响应延迟 ${f ?? '?'} ms，超过 ${l} ms），请 1 秒后重试`, en: `The system is busy (responding ${f ?? '?'} ms late, over ${l} ms); retry in 1 s` }),
  OVERLOADED_QUEUE_WAIT: (l, f) => ({ zh: `系统繁忙（排队 ${f ?? l} ms 仍未轮到，上限 ${l} ms），请 1 秒后重试`, en: `The system is busy (waited ${f ?? l} ms for a slot, the limit is ${l} ms); retry in 1 s` }),
  OVERLOADED: (l) => ({ zh: `系统繁忙（同时处理的请求已达上限 ${l}），请 1 秒后重试`, en: `The system is busy (${l} requests in progress, the limit); retry in 1 s` }),
};

export interface LimitExtensions {
  code: LimitCode;
  messageZh: string;
  messageEn: string;
  limit: number;
  found?: number;
  [key: string]: unknown;
}

export function limitExtensions(code: LimitCode, limit: number, found?: number): LimitExtensions {
  const text = TEXT[code](limit, found);
  return { code, messageZh: text.zh, messageEn: text.en, limit, ...(found === undefined ? {} : { found }) };
}

/** Marker so formatError can restore our code after Apollo wraps validation errors. */
export const LIMIT_MARKER = 'lianxiaoLimitCode';

export function limitError(code: LimitCode, limit: number, found?: number, httpStatus = 400): GraphQLError {
  const ext = limitExtensions(code, limit, found);
  return new GraphQLError(ext.messageEn, { extensions: { ...ext, [LIMIT_MARKER]: code, http: { status: httpStatus } } });
}

/** A GraphQL-shaped JSON body for refusals made in express before Apollo runs. */
export function limitBody(code: LimitCode, limit: number, found?: number): { errors: { message: string; extensions: LimitExtensions }[] } {
  const ext = limitExtensions(code, limit, found);
  return { errors: [{ message: ext.messageEn, extensions: ext }] };
}
