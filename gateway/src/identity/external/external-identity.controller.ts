import { Body, Controller, Headers, HttpCode, HttpException, Inject, Post } from '@nestjs/common';
import { CALLER_HEADER, DomainError, runInAuditContext, SERVICE_CONFIG, ServiceConfig, verifyGatewayAssertion, type Caller } from '@lianxiao/platform';
import { Role } from '@lianxiao/platform';
import { ExternalUserLinkService } from './external-user-link.service';
import type { ExternalIdentity } from './external-identity';

const PROVISIONING_ACTOR: Caller = { userId: 'system:oidc', username: 'oidc-provisioning', roles: [] as Role[] };

/**
 * Called by the gateway (only: it must carry the gateway's signed assertion) after it verified an
 * external token; answers the local caller. Not part of the GraphQL schema.
 */
@Controller('internal/external-identity')
export class ExternalIdentityController {
  constructor(
    private readonly links: ExternalUserLinkService,
    @Inject(SERVICE_CONFIG) private readonly config: ServiceConfig,
  ) {}

  @Post('link')
  @HttpCode(200)
  async link(@Headers(CALLER_HEADER) assertion: string | undefined, @Body() identity: ExternalIdentity): Promise<{ caller: Caller } | { error: Record<string, unknown> }> {
    let requestId: string | undefined;
    try {
      requestId = verifyGatewayAssertion(assertion ?? '', this.config.internalSecret).requestId;
    } catch {
      throw new HttpException({ error: { code: 'GATEWAY_CREDENTIAL_REQUIRED' } }, 401);
    }
    if (!identity?.issuer || !identity.subject || !Array.isArray(identity.roles)) throw new HttpException({ error: { code: 'BAD_REQUEST' } }, 400);
    try {
      const caller = await runInAuditContext({ caller: PROVISIONING_ACTOR, requestId: requestId ?? null }, () => this.links.link(identity));
      return { caller };
    } catch (error) {
      if (error instanceof DomainError) return { error: error.toExtensions() };
      throw error;
    }
  }
}
