/** A GraphQL answer as the portal would see it. */
export interface GraphQLAnswer<T = Record<string, unknown>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: { code?: string; messageZh?: string; messageEn?: string; [k: string]: unknown } }[];
}

export function graphqlUrl(): string {
  const url = process.env.LIANXIAO_GRAPHQL_URL;
  if (!url) throw new Error('LIANXIAO_GRAPHQL_URL is not set: run the integration tests with `npm test`');
  return url;
}

export async function gql<T = Record<string, unknown>>(
  query: string,
  variables: Record<string, unknown> = {},
  token?: string,
  headers: Record<string, string> = {},
): Promise<GraphQLAnswer<T>> {
  const send = () => fetch(graphqlUrl(), {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'apollo-require-preflight': 'true',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: JSON.stringify({ query, variables }),
  });
  let res = await send();
  // Like the portal: a 503 "busy, retry in 1 s" from the gateway's load shedder is retried (on a
  // loaded test machine the gateway protects itself too). Rate-limit answers (429) are returned.
  for (let attempt = 1; res.status === 503 && res.headers.get('retry-after') && attempt <= 5; attempt++) {
    await new Promise((r) => setTimeout(r, 1000 * Number(res.headers.get('retry-after'))));
    res = await send();
  }
  const text = await res.text();
  let body: Omit<GraphQLAnswer<T>, 'status'>;
  try {
    body = JSON.parse(text);
  } catch {
    throw new Error(`non-JSON answer (${res.status}): ${text.slice(0, 300)}`);
  }
  return { status: res.status, ...body };
}

const tokens = new Map<string, string>();

/** Signs in a demo user (password lianxiao) once per test file and returns the access token. */
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

export function errorCodes(answer: GraphQLAnswer): string[] {
  return (answer.errors ?? []).map((e) => String(e.extensions?.code ?? ''));
}
export * from './smtp-receiver';
