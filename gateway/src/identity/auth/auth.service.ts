import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import * as bcrypt from 'bcryptjs';
import { createHash, randomBytes } from 'node:crypto';
import { Caller, createLogger, DomainError, newId, Role } from '@lianxiao/platform';
import { User } from '../user/user.entity';
import { RefreshToken } from './refresh-token.entity';
import { IDENTITY_OPTIONS, IdentityOptions } from './identity-options';
import { signAccessToken } from './access-token';
import { AuthPayload } from './auth.dto';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export function callerOf(user: User): Caller {
  return {
    userId: user.id,
    username: user.username,
    displayName: user.displayName,
    roles: user.roles as Role[],
    region: user.region,
    dealerId: user.dealerId,
    supervisorId: user.supervisorId,
  };
}

const badCredentials = () =>
  new DomainError('INVALID_CREDENTIALS', '用户名或密码错误', 'Wrong username or password', [], 401);

/** The built-in issuer: password sign-in, rotating refresh tokens, lock-out, logout. */
@Injectable()
export class AuthService {
  private readonly logger = createLogger('identity.auth');
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
    @Inject(IDENTITY_OPTIONS) private readonly options: IdentityOptions,
  ) {}

  async login(username: string, password: string): Promise<AuthPayload> {
    const user = await this.users.findOneBy({ username: username.trim() });
    if (!user || !user.active) {
      // Same cost and answer as a wrong password, so usernames cannot be probed.
      await bcrypt.compare(password, '$2b$10$invalidinvalidinvalidinuA4m2xBqYvT2ZHS6e7fC2u9Z6lq1W');
      throw badCredentials();
    }
    if (user.lockedUntil && user.lockedUntil.getTime() > Date.now()) {
      throw new DomainError('ACCOUNT_LOCKED', `登录失败次数过多，账号已锁定至 ${user.lockedUntil.toISOString()}`, `Too many failed sign-ins; locked until ${user.lockedUntil.toISOString()}`, [], 423);
    }
    if (!(await bcrypt.compare(password, user.passwordHash))) {
      const failed = user.failedLogins + 1;
      const lock = failed >= this.options.maxFailedLogins ? new Date(Date.now() + this.options.lockMinutes * 60_000) : null;
      await this.users.update(user.id, { failedLogins: lock ? 0 : failed, lockedUntil: lock });
      this.logger.warn({ username: user.username, failed, locked: !!lock }, 'failed sign-in');
      throw badCredentials();
    }
    if (user.failedLogins > 0 || user.lockedUntil) await this.users.update(user.id, { failedLogins: 0, lockedUntil: null });
    return this.issue(user);
  }

  /** Exchanges a refresh token for new tokens; the old one is revoked (rotation). */
  async refresh(refreshToken: string): Promise<AuthPayload> {
    const stored = await this.refreshTokens.findOneBy({ tokenHash: hashToken(refreshToken) });
    const invalid = new DomainError('INVALID_REFRESH_TOKEN', '登录已失效，请重新登录', 'The refresh token is invalid or expired; please sign in again', [], 401);
    if (!stored || stored.expiresAt.getTime() < Date.now()) throw invalid;
    if (stored.revokedAt) {
      // A revoked token used again means it leaked: end every session of the user.
      await this.refreshTokens.update({ userId: stored.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
      throw invalid;
    }
    const user = await this.users.findOneBy({ id: stored.userId });
    if (!user || !user.active) throw invalid;
    await this.refreshTokens.update(stored.id, { revokedAt: new Date() });
    return this.issue(user);
  }

  async logout(caller: Caller, refreshToken?: string): Promise<boolean> {
    if (refreshToken) {
      await this.refreshTokens.update({ tokenHash: hashToken(refreshToken), userId: caller.userId }, { revokedAt: new Date() });
    } else {
      await this.refreshTokens.update({ userId: caller.userId, revokedAt: IsNull() }, { revokedAt: new Date() });
    }
    return true;
  }

  private async issue(user: User): Promise<AuthPayload> {
    const refreshToken = randomBytes(32).toString('base64url');
    await this.refreshTokens.insert({
      id: newId(),
      userId: user.id,
      tokenHash: hashToken(refreshToken),
      expiresAt: new Date(Date.now() + this.options.refreshTokenTtlDays * 86_400_000),
      revokedAt: null,
    });
    return {
      accessToken: signAccessToken(callerOf(user), this.options.jwtSecret, this.options.accessTokenTtlSeconds),
      refreshToken,
      expiresIn: this.options.accessTokenTtlSeconds,
    };
  }
}
