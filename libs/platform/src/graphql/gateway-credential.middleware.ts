import type { NextFunction, Request, Response } from 'express';
import { runInAuditContext } from '../audit/audit-context';
import { CALLER_HEADER, GatewayAssertion, verifyGatewayAssertion } from '../auth/caller';

export interface AssertedRequest extends Request {
  gatewayAssertion?: GatewayAssertion;
}

/**
 * A subgraph answers only requests that carry the gateway's signed assertion: it is not
 * reachable around the gateway. Anything else gets 401 before GraphQL runs.
 */
export function gatewayCredentialMiddleware(secret: string) {
  return (req: AssertedRequest, res: Response, next: NextFunction): void => {
    const token = req.header(CALLER_HEADER);
    if (token) {
      try {
        const assertion = verifyGatewayAssertion(token, secret);
        req.gatewayAssertion = assertion;
        // Every write made while serving this request is audited as this caller's.
        runInAuditContext({ caller: assertion.caller, requestId: assertion.requestId ?? null }, next);
        return;
      } catch {
        // fall through to the refusal below
      }
    }
    res.status(401).json({
      errors: [
        {
          message: 'This service is reachable only through the Lianxiao gateway',
          extensions: {
            code: 'GATEWAY_CREDENTIAL_REQUIRED',
            messageZh: '该服务只能通过联销网关访问',
            messageEn: 'This service is reachable only through the Lianxiao gateway',
          },
        },
      ],
    });
  };
}
