/**
 * Minimal GraphQL client for integration tests through the real gateway
 * (LIANXIAO_GRAPHQL_URL). Local to this service until a shared libs/testing exists.
 */
export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

export const DEMO_PASSWORD = 'lianxiao';

function graphqlUrl(): string {
  const url = process.env.LIANXIAO_GRAPHQL_URL;
  if (!url) throw new Error('LIANXIAO_GRAPHQL_URL is not set (the test harness starts the stack and sets it)');
  return url;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

const tokens = new Map<string, string>();

/** Signs in a demo user once per test file and reuses the access token. */
export async function tokenFor(username: string): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const answer = await gql<{ login: { accessToken: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: username, p: DEMO_PASSWORD },
  );
  const token = answer.data?.login.accessToken;
  if (!token) throw new Error(`login as ${username} failed: ${JSON.stringify(answer.errors)}`);
  tokens.set(username, token);
  return token;
}

export function errorCodes(answer: GraphQLAnswer<unknown>): string[] {
  return (answer.errors ?? []).map((e) => String(e.extensions?.code));
}
