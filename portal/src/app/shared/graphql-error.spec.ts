import { CombinedGraphQLErrors } from '@apollo/client/errors';
import { graphqlErrorCode, graphqlErrorMessage } from './graphql-error';

function apiError(extensions: Record<string, unknown>, message = 'Forbidden'): CombinedGraphQLErrors {
  return new CombinedGraphQLErrors({ errors: [{ message, extensions }], data: null });
}

describe('graphqlErrorMessage', () => {
  const error = apiError({ code: 'FORBIDDEN', messageZh: '无权查看该经销商', messageEn: 'Not your dealer' });

  it('shows the server message in the current language', () => {
    expect(graphqlErrorMessage(error, 'zh', 'x')).toBe('无权查看该经销商');
    expect(graphqlErrorMessage(error, 'en', 'x')).toBe('Not your dealer');
  });

  it('falls back to the plain message, then to the default', () => {
    expect(graphqlErrorMessage(apiError({ code: 'X' }, 'plain'), 'en', 'fallback')).toBe('plain');
    expect(graphqlErrorMessage(new TypeError('Failed to fetch'), 'zh', '加载失败')).toBe('加载失败');
  });

  it('reads the stable code', () => {
    expect(graphqlErrorCode(error)).toBe('FORBIDDEN');
    expect(graphqlErrorCode(new Error('x'))).toBeNull();
  });
});
