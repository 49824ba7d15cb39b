import { Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from './domain-error';

/**
 * A DomainError is an expected refusal (bad input, no access, conflict), not a fault: hand it to
 * GraphQL as it is, so Nest's exception handler does not log every refused input at error level.
 * Anything else still reaches Nest's handler and is logged.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError): DomainError {
    return error;
  }
}
