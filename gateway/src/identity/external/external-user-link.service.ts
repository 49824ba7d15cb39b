import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import * as bcrypt from 'bcryptjs';
import { randomBytes } from 'node:crypto';
import { REGIONS } from '@lianxiao/demo-data';
import { Caller, DomainError, isDuplicateKeyError, newId, Role } from '@lianxiao/platform';
import { User } from '../user/user.entity';
import { callerOf } from '../auth/auth.service';
import type { ExternalIdentity } from './external-identity';


/**
 * Links an OIDC subject to a local user record: found by (issuer, subject), provisioned on first
 * sign-in, and its roles, region and dealer kept equal to what the issuer's claims say (the
 * issuer is the source of truth for them; the reporting line stays an admin decision here).
 * A local user is never taken over by a matching username: a clash gets a suffixed name.
 */
@Injectable()
export class ExternalUserLinkService {
  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}

  async link(identity: ExternalIdentity): Promise<Caller> {
    if (!identity.roles.length) {
      throw new DomainError('OIDC_NO_ROLE', '单点登录账号未分配联销角色，请联系管理员', 'The single-sign-on account has no Lianxiao role; ask an administrator', [], 403);
    }
    if (identity.roles.includes(Role.DEALER) && !identity.dealerId) {
      throw new DomainError('OIDC_DEALER_MISSING', '经销商账号缺少经销商标识', 'A dealer account needs the dealer claim', [], 403);
    }
    const region = identity.region && (REGIONS as readonly string[]).includes(identity.region) ? identity.region : null;
    let user = await this.users.findOneBy({ externalIssuer: identity.issuer, externalSubject: identity.subject });
    if (!user) user = await this.provision(identity, region);
    if (!user.active) throw new DomainError('ACCOUNT_DISABLED', '账号已停用', 'The account is disabled', [], 403);
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError('ACCOUNT_LOCKED', '账号已被管理员锁定', 'The account is locked by an administrator', [], 423);
    }
    const wanted = { roles: [...identity.roles].sort(), region, dealerId: identity.dealerId, displayName: identity.displayName };
    if (JSON.stringify([...user.roles].sort()) !== JSON.stringify(wanted.roles) || user.region !== region || user.dealerId !== identity.dealerId || user.displayName !== identity.displayName) {
      await this.users.update({ id: user.id }, wanted);
      user = { ...user, ...wanted };
    }
    return callerOf(user);
  }

  private async provision(identity: ExternalIdentity, region: string | null): Promise<User> {
    // Never usable for password sign-in: a hash of random bytes nobody knows.
    const passwordHash = await bcrypt.hash(randomBytes(24).toString('base64url'), 10);
    const taken = await this.users.existsBy({ username: identity.username });
    const username = taken ? `${identity.username.slice(0, 50)}#${identity.subject.slice(0, 12)}` : identity.username;
    const row = {
      id: newId(), username, displayName: identity.displayName, passwordHash, roles: identity.roles, region,
      supervisorId: null, dealerId: identity.dealerId, active: true, failedLogins: 0, lockedUntil: null, hiredAt: null,
      externalIssuer: identity.issuer, externalSubject: identity.subject,
    };
    try {
      await this.users.insert(row);
    } catch (error) {
      // Two first requests of the same person at once: the other one provisioned it.
      if (!isDuplicateKeyError(error)) throw error;
    }
    return this.users.findOneByOrFail({ externalIssuer: identity.issuer, externalSubject: identity.subject });
  }
}
