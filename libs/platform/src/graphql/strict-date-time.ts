import { GraphQLISODateTime } from '@nestjs/graphql';
import { GraphQLError, Kind, type ValueNode } from 'graphql';

const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

function invalid(value: unknown): GraphQLError {
  const shown = JSON.stringify(value)?.slice(0, 40);
  return new GraphQLError(`DateTime must be an ISO 8601 date-time such as 2026-11-23T09:30:00Z, got ${shown}`, {
    extensions: { code: 'BAD_USER_INPUT' },
  });
}

/** Parses an ISO 8601 date-time strictly: no Invalid Date, no 2026-02-30 rolling over to March. */
export function parseStrictDateTime(value: unknown): Date {
  if (typeof value !== 'string') throw invalid(value);
  const m = ISO_DATE_TIME.exec(value.trim());
  if (!m) throw invalid(value);
  const [, y, mo, d, h = '0', mi = '0', s = '0'] = m;
  const date = new Date(value.trim());
  const calendar = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  const valid =
    !Number.isNaN(date.getTime()) &&
    calendar.getUTCMonth() === Number(mo) - 1 && calendar.getUTCDate() === Number(d) &&
    Number(h) < 24 && Number(mi) < 60 && Number(s) < 60 && Number(y) >= 1900 && Number(y) <= 9999;
  if (!valid) throw invalid(value);
  return date;
}

/**
 * @nestjs/graphql's DateTime scalar turns any input into `new Date(value)` — an Invalid Date that
 * later fails deep inside a service. Every subgraph makes it strict once, here: a bad date-time is
 * refused as BAD_USER_INPUT before any resolver runs.
 */
export function installStrictDateTime(): void {
  const scalar = GraphQLISODateTime as unknown as {
    parseValue: (v: unknown) => unknown;
    parseLiteral: (ast: ValueNode) => unknown;
  };
  scalar.parseValue = parseStrictDateTime;
  scalar.parseLiteral = (ast: ValueNode) => {
    if (ast.kind !== Kind.STRING) throw invalid(ast.kind);
    return parseStrictDateTime(ast.value);
  };
}
