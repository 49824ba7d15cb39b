/**
 * Minimal GraphQL client for integration tests through the real gateway (LIANXIAO_GRAPHQL_URL).
 * Same calls as @lianxiao/testing; local until that package is linked into node_modules
 * (see PLATFORM-REQUESTS.md), so the Nx module-boundary lint can resolve it.
 */
export interface GraphQLAnswer<T> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; messageZh?: string; messageEn?: string; [k: string]: unknown } }[];
}

function graphqlUrl(): string {
  const url = process.env.LIANXIAO_GRAPHQL_URL;
  if (!url) throw new Error('LIANXIAO_GRAPHQL_URL is not set (the test harness starts the stack and sets it)');
  return url;
}

export async function gql<T>(query: string, variables: Record<string, unknown> = {}, token?: string): Promise<GraphQLAnswer<T>> {
  const response = await fetch(graphqlUrl(), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Omit<GraphQLAnswer<T>, 'status'>;
  return { status: response.status, ...body };
}

const tokens = new Map<string, string>();

/** Signs in a demo user (password lianxiao) once per test file. */
export async function tokenFor(username: string, password = 'lianxiao'): Promise<string> {
  const cached = tokens.get(username);
  if (cached) return cached;
  const answer = await gql<{ login: { accessToken: string } }>(
    'mutation($u: String!, $p: String!) { login(username: $u, password: $p) { accessToken } }',
    { u: username, p: password },
  );
  const token = answer.data?.login.accessToken;
  if (!token) throw new Error(`cannot sign in as ${username}: ${JSON.stringify(answer.errors)}`);
  tokens.set(username, token);
  return token;
}

export function errorCodes(answer: GraphQLAnswer<unknown>): string[] {
  return (answer.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
}
