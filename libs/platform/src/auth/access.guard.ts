import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { ACCESS_METADATA, AccessRule } from './access.decorators';
import { DomainError } from '../errors/domain-error';
import type { RequestContext } from '../graphql/request-context';

/**
 * Deny by default: a resolver (query, mutation, field or reference resolver) without an access
 * declaration is refused, so forgetting one can never open data.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType<string>() !== 'graphql') return true;
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_METADATA, [
      context.getHandler(),
      context.getClass(),
    ]);
    const gqlContext = GqlExecutionContext.create(context).getContext<RequestContext>();
    const caller = gqlContext.caller;
    if (!rule) {
      throw new DomainError('ACCESS_UNDECLARED', '该接口未声明访问权限，已拒绝', 'This resolver declares no access rule and is refused', [], 403);
    }
    if (rule.kind === 'public') return true;
    if (!caller) throw DomainError.unauthenticated();
    if (rule.kind === 'authenticated') return true;
    if (caller.roles.some((r) => rule.roles.includes(r))) return true;
    throw DomainError.forbidden();
  }
}
