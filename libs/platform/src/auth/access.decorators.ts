import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { Role } from './role';
import type { RequestContext } from '../graphql/request-context';

export const ACCESS_METADATA = 'lianxiao:access';

export type AccessRule =
  | { kind: 'public' }
  | { kind: 'authenticated' }
  | { kind: 'roles'; roles: readonly Role[] };

/** Anyone who came through the gateway, signed in or not (login, health of the API). */
export const Public = () => SetMetadata(ACCESS_METADATA, { kind: 'public' } satisfies AccessRule);
/** Any signed-in user; the resolver itself narrows the data to the caller's scope. */
export const Authenticated = () => SetMetadata(ACCESS_METADATA, { kind: 'authenticated' } satisfies AccessRule);
/** Only these roles. */
export const Allow = (...roles: Role[]) => SetMetadata(ACCESS_METADATA, { kind: 'roles', roles } satisfies AccessRule);

export const CurrentCaller = createParamDecorator((_data: unknown, ctx: ExecutionContext) => {
  const gql = GqlExecutionContext.create(ctx).getContext<RequestContext>();
  return gql.caller;
});
