import { GraphQLError } from 'graphql';
import { DomainError } from './domain-error';
import { formatGraphQLError } from './graphql-error-format';

describe('formatGraphQLError', () => {
  it('keeps a domain error with its code and both messages', () => {
    const error = new DomainError('NOT_FOUND', '客户不存在', 'Customer not found');
    const out = formatGraphQLError({ message: 'x', path: ['customer'] }, error);
    expect(out.extensions).toMatchObject({ code: 'NOT_FOUND', messageZh: '客户不存在', messageEn: 'Customer not found' });
  });

  it('turns an unreachable subgraph into a coded partial error in both languages', () => {
    const error = new GraphQLError('request to http://127.0.0.1:4003/graphql failed, reason: connect ECONNREFUSED 127.0.0.1:4003');
    const out = formatGraphQLError({ message: error.message, path: ['dealer'] }, error);
    expect(out.extensions?.code).toBe('SUBGRAPH_UNAVAILABLE');
    expect(out.extensions?.messageZh).toContain('暂时无法获取');
    expect(out.path).toEqual(['dealer']);
    expect(out.message).not.toContain('127.0.0.1');
  });

  it('hides anything unexpected behind INTERNAL_ERROR without details', () => {
    const out = formatGraphQLError({ message: 'TypeError: x is undefined' }, new TypeError('x is undefined'));
    expect(out.extensions).toMatchObject({ code: 'INTERNAL_ERROR' });
    expect(out.message).toBe('Internal error');
  });
});
