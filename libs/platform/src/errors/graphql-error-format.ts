import { GraphQLError, GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { CommonErrorCode, DomainError } from './domain-error';
import { rootLogger } from '../logging/logger';

const APOLLO_CODES_ZH: Record<string, string> = {
  GRAPHQL_PARSE_FAILED: '查询语法错误',
  GRAPHQL_VALIDATION_FAILED: '查询不符合接口定义',
  BAD_USER_INPUT: '输入参数有误',
  PERSISTED_QUERY_NOT_FOUND: '未找到预存查询',
  BAD_REQUEST: '请求格式错误',
};

/** Messages of a subgraph fetch that never got an answer (process down, restarting, reset). */
const SUBGRAPH_DOWN = /ECONNREFUSED|ECONNRESET|socket hang up|fetch failed|other side closed|ETIMEDOUT|EPIPE/;

/**
 * Apollo `formatError`: domain errors keep their code and both messages; GraphQL's own
 * validation errors get a Chinese message beside the English one; anything unexpected becomes
 * INTERNAL_ERROR with no stack trace, and is logged with it.
 */
export function formatGraphQLError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(error);
  if (original instanceof DomainError) {
    return { message: original.messageEn, path: formatted.path, locations: formatted.locations, extensions: original.toExtensions() };
  }
  const code = String(formatted.extensions?.code ?? '');
  if (code && APOLLO_CODES_ZH[code]) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, messageZh: `${APOLLO_CODES_ZH[code]}：${formatted.message}`, messageEn: formatted.message },
    };
  }
  if (code === 'SUBREQUEST_HTTP_ERROR' || SUBGRAPH_DOWN.test(formatted.message)) {
    // The gateway could not reach a subgraph: the rest of the answer stands, this part is missing.
    rootLogger().warn({ err: original, path: formatted.path }, 'a subgraph did not answer');
    return {
      message: 'Part of this answer is temporarily unavailable; please try again shortly',
      locations: formatted.locations,
      path: formatted.path,
      extensions: {
        code: 'SUBGRAPH_UNAVAILABLE',
        messageZh: '部分数据暂时无法获取（相关服务不可用），请稍后重试',
        messageEn: 'Part of this answer is temporarily unavailable (a service is down); please try again shortly',
      },
    };
  }
  if (formatted.extensions?.messageZh && formatted.extensions?.code) {
    // Already a formatted domain error (for example relayed by the gateway from a subgraph).
    const { stacktrace: _dropped, exception: _exception, ...rest } = formatted.extensions as Record<string, unknown>;
    return { ...formatted, extensions: rest };
  }
  if (original instanceof GraphQLError && !original.originalError && code !== 'INTERNAL_SERVER_ERROR' && code) {
    return { message: formatted.message, locations: formatted.locations, path: formatted.path, extensions: { code, messageZh: formatted.message, messageEn: formatted.message } };
  }
  rootLogger().error({ err: original }, 'unexpected error in GraphQL execution');
  return {
    message: 'Internal error',
    path: formatted.path,
    locations: formatted.locations,
    extensions: { code: CommonErrorCode.INTERNAL_ERROR, messageZh: '系统内部错误，请稍后重试', messageEn: 'Internal error; please try again later' },
  };
}
