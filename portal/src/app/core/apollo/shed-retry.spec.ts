import { ApolloClient, ApolloLink, InMemoryCache, gql } from '@apollo/client/core';
import { ServerError } from '@apollo/client/errors';
import { Observable } from 'rxjs';
import { MAX_SHED_RETRIES, shedRetryDelayMs, shedRetryLink } from './shed-retry';

const QUERY = gql`query Dealers { dealers { totalCount } }`;

/** A gateway stand-in answering the given HTTP statuses in turn (200 = data). */
function gatewayAnswering(statuses: number[], retryAfter?: string) {
  let calls = 0;
  const link = new ApolloLink(() => new Observable((observer) => {
    const status = statuses[Math.min(calls++, statuses.length - 1)];
    if (status === 200) {
      observer.next({ data: { dealers: { __typename: 'DealerConnection', totalCount: 37 } } });
      observer.complete();
      return;
    }
    const headers = new Headers(retryAfter ? { 'retry-after': retryAfter } : {});
    observer.error(new ServerError('shed', { response: new Response('{}', { status, headers }), bodyText: '{}' }));
  }));
  return { link, calls: () => calls };
}

function clientOver(terminating: ApolloLink): ApolloClient {
  return new ApolloClient({ link: ApolloLink.from([shedRetryLink(), terminating]), cache: new InMemoryCache() });
}

describe('retrying requests the gateway shed', () => {
  it('waits as Retry-After says (capped at 5 s), with jitter, else backs off from 0.5 s', () => {
    expect(shedRetryDelayMs(1, '2', () => 0.5)).toBe(2000);
    expect(shedRetryDelayMs(1, '2', () => 0)).toBe(1500);
    expect(shedRetryDelayMs(1, '120', () => 0.5)).toBe(5000);
    expect(shedRetryDelayMs(1, null, () => 0.5)).toBe(500);
    expect(shedRetryDelayMs(3, 'soon', () => 0.5)).toBe(2000);
  });

  it('shows the user the data after two 503s instead of an error', async () => {
    const gateway = gatewayAnswering([503, 503, 200]);
    const result = await clientOver(gateway.link).query({ query: QUERY });
    expect(result.data).toEqual({ dealers: { __typename: 'DealerConnection', totalCount: 37 } });
    expect(gateway.calls()).toBe(3);
  });

  it('gives up after 3 retries and reports the 503', async () => {
    const gateway = gatewayAnswering([503]);
    await expect(clientOver(gateway.link).query({ query: QUERY })).rejects.toMatchObject({ statusCode: 503 });
    expect(gateway.calls()).toBe(1 + MAX_SHED_RETRIES);
  }, 20_000);

  it('does not retry other failures (a 500 or a 400 is not load shedding)', async () => {
    const gateway = gatewayAnswering([500, 200]);
    await expect(clientOver(gateway.link).query({ query: QUERY })).rejects.toMatchObject({ statusCode: 500 });
    expect(gateway.calls()).toBe(1);
  });
});
