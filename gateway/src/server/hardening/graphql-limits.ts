import type { ApolloServerPlugin, BaseContext, GraphQLRequestContext } from '@apollo/server';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import {
  FragmentDefinitionNode,
  GraphQLError,
  GraphQLFormattedError,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
  ValidationContext,
} from 'graphql';
import { LIMIT_MARKER, LimitCode, limitError } from './limit-errors';

export interface GraphQLLimits {
  maxDepth: number;
  maxAliases: number;
  maxDirectives: number;
  maxTokens: number;
  maxCost: number;
  maxRootFields: number;
  maxBatch: number;
  maxBodyBytes: number;
}

function intFromEnv(env: Record<string, string | undefined>, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a positive integer, got "${raw}"`);
  return value;
}

export function loadGraphQLLimits(env: Record<string, string | undefined> = process.env): GraphQLLimits {
  return {
    maxDepth: intFromEnv(env, 'GRAPHQL_MAX_DEPTH', 12),
    maxAliases: intFromEnv(env, 'GRAPHQL_MAX_ALIASES', 30),
    maxDirectives: intFromEnv(env, 'GRAPHQL_MAX_DIRECTIVES', 50),
    maxTokens: intFromEnv(env, 'GRAPHQL_MAX_TOKENS', 5000),
    maxCost: intFromEnv(env, 'GRAPHQL_MAX_COST', 20000),
    maxRootFields: intFromEnv(env, 'GRAPHQL_MAX_ROOT_FIELDS', 15),
    maxBatch: intFromEnv(env, 'GRAPHQL_MAX_BATCH', 1),
    maxBodyBytes: 2 * 1024 * 1024,
  };
}

/** "… limit of 12 exceeded, found 15." → [12, 15] */
function numbersOf(message: string): { limit: number; found?: number } {
  const limit = /limit of (\d+)/i.exec(message);
  const found = /found (\d+)/i.exec(message);
  return { limit: limit ? Number(limit[1]) : NaN, found: found ? Number(found[1]) : undefined };
}

function reporter(code: LimitCode, configured: number) {
  return (ctx: ValidationContext | null, error: GraphQLError) => {
    const { limit, found } = numbersOf(error.message);
    const coded = limitError(code, Number.isNaN(limit) ? configured : limit, found);
    if (ctx) ctx.reportError(coded);
    else throw coded;
  };
}

/** graphql-armor protections (depth, aliases, directives, cost; field suggestions off in production). */
export function armorProtection<TContext extends BaseContext = BaseContext>(limits: GraphQLLimits, production: boolean) {
  const armor = new ApolloArmor({
    maxDepth: { n: limits.maxDepth, propagateOnRejection: false, onReject: [reporter('QUERY_TOO_DEEP', limits.maxDepth)] },
    maxAliases: { n: limits.maxAliases, propagateOnRejection: false, onReject: [reporter('TOO_MANY_ALIASES', limits.maxAliases)] },
    maxDirectives: { n: limits.maxDirectives, propagateOnRejection: false, onReject: [reporter('TOO_MANY_DIRECTIVES', limits.maxDirectives)] },
    costLimit: { maxCost: limits.maxCost, propagateOnRejection: false, onReject: [reporter('QUERY_TOO_COSTLY', limits.maxCost)] },
    // Tokens are counted in express before Apollo (see tokenLimitMiddleware), with armor's lexer.
    maxTokens: { enabled: false },
    blockFieldSuggestion: { enabled: production, mask: '' },
  });
  const { plugins, validationRules } = armor.protect();
  return { plugins: plugins as unknown as ApolloServerPlugin<TContext>[], validationRules };
}

/** Counts tokens with graphql-armor's counting lexer; returns the coded error or null. */
export function checkTokenLimit(query: string, maxTokens: number): GraphQLError | null {
  try {
    new MaxTokensParserWLexer(query, { n: maxTokens, propagateOnRejection: true }).parseDocument();
    return null;
  } catch (error) {
    if (error instanceof GraphQLError && /Token limit of/.test(error.message)) return limitError('TOO_MANY_TOKENS', maxTokens);
    return null; // ordinary syntax errors are Apollo's to report
  }
}

function countRootFields(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>, seen = new Set<string>()): number {
  let count = 0;
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      if (selection.name.value !== '__typename') count += 1;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      count += countRootFields(selection.selectionSet, fragments, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments.get(name);
      if (fragment && !seen.has(name)) {
        seen.add(name);
        count += countRootFields(fragment.selectionSet, fragments, seen);
      }
    }
  }
  return count;
}

/** Refuses, before execution, an operation selecting more root fields than the limit. */
export function maxRootFieldsPlugin<TContext extends BaseContext = BaseContext>(maxRootFields: number): ApolloServerPlugin<TContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation(ctx: GraphQLRequestContext<TContext>) {
          const operation = ctx.operation as OperationDefinitionNode | undefined;
          if (!operation || !ctx.document) return;
          const fragments = new Map<string, FragmentDefinitionNode>();
          for (const def of ctx.document.definitions) if (def.kind === Kind.FRAGMENT_DEFINITION) fragments.set(def.name.value, def);
          const found = countRootFields(operation.selectionSet, fragments);
          if (found > maxRootFields) throw limitError('TOO_MANY_ROOT_FIELDS', maxRootFields, found);
        },
      };
    },
  };
}

/** Wraps formatError: our limit errors keep their own code (Apollo relabels validation errors). */
export function withLimitCodes(
  inner: (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError,
): (formatted: GraphQLFormattedError, error: unknown) => GraphQLFormattedError {
  return (formatted, error) => {
    const ext = formatted.extensions as Record<string, unknown> | undefined;
    const code = ext?.[LIMIT_MARKER];
    if (typeof code === 'string') {
      const { [LIMIT_MARKER]: _marker, http: _http, stacktrace: _stack, ...rest } = ext as Record<string, unknown>;
      return { message: formatted.message, locations: formatted.locations, extensions: { ...rest, code } };
    }
    return inner(formatted, error);
  };
}
