import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import * as bcrypt from 'bcryptjs';
import { REGIONS } from '@lianxiao/demo-data';
import { ALL_ROLES, Caller, DomainError, ErrorDetail, isDuplicateKeyError, newId, Role } from '@lianxiao/platform';
import { RefreshToken } from '../auth/refresh-token.entity';
import { User } from './user.entity';
import { CreateUserInput, UserAccessInput } from './user-admin.dto';

const USERNAME = /^[a-z0-9._-]{3,64}$/;
const ID = /^[0-9a-f-]{8,36}$/i;
/** An administrator lock lasts until it is lifted (a far date, not the 15-minute lock-out). */
const LOCKED_BY_ADMIN_UNTIL = new Date('2999-12-31T00:00:00Z');

interface Access {
  displayName: string;
  roles: Role[];
  region: string | null;
  supervisorId: string | null;
  dealerId: string | null;
}

const detail = (field: string, messageZh: string, messageEn: string): ErrorDetail => ({ field, messageZh, messageEn });

/**
 * User administration (ADMIN only at the resolver): create, roles/region/reporting line/dealer,
 * password reset, lock and unlock. Every input is checked before anything is written; each
 * change is one write, audited by the platform audit trail (password hashes redacted).
 */
@Injectable()
export class UserAdminService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(RefreshToken) private readonly refreshTokens: Repository<RefreshToken>,
  ) {}

  async create(input: CreateUserInput): Promise<User> {
    const username = (input.username ?? '').trim().toLowerCase();
    const problems: ErrorDetail[] = [];
    if (!USERNAME.test(username)) problems.push(detail('username', '用户名须为 3–64 位小写字母、数字或 ._-', 'username must be 3–64 of a-z 0-9 . _ -'));
    this.checkPassword(input.password, problems, 'password');
    const access = await this.checkAccess(null, { ...input, displayName: input.displayName }, problems);
    if (problems.length) throw DomainError.validation(problems);
    if (await this.users.existsBy({ username })) throw usernameTaken(username);
    const row = {
      id: newId(), username, passwordHash: await bcrypt.hash(input.password, 10), active: true, failedLogins: 0, lockedUntil: null, hiredAt: null,
      externalIssuer: null, externalSubject: null, ...access,
    };
    try {
      await this.users.manager.transaction((tx) => tx.getRepository(User).insert(row));
    } catch (error) {
      if (isDuplicateKeyError(error)) throw usernameTaken(username);
      throw error;
    }
    return this.users.findOneByOrFail({ id: row.id });
  }

  async updateAccess(caller: Caller, id: string, input: UserAccessInput): Promise<User> {
    const user = await this.find(id);
    const problems: ErrorDetail[] = [];
    const access = await this.checkAccess(user, { ...input, displayName: input.displayName ?? user.displayName }, problems);
    if (user.id === caller.userId && user.roles.includes(Role.ADMIN) && !access.roles.includes(Role.ADMIN)) {
      problems.push(detail('roles', '不能移除自己的管理员角色', 'You cannot remove your own ADMIN role'));
    }
    if (problems.length) throw DomainError.validation(problems);
    await this.users.manager.transaction((tx) => tx.getRepository(User).update({ id }, access));
    return this.find(id);
  }

  async resetPassword(id: string, newPassword: string): Promise<User> {
    const user = await this.find(id);
    const problems: ErrorDetail[] = [];
    this.checkPassword(newPassword, problems, 'newPassword');
    if (user.externalIssuer) problems.push(detail('id', '单点登录用户的密码由身份提供方管理', 'The password of a single-sign-on user is managed by its identity provider'));
    if (problems.length) throw DomainError.validation(problems);
    const passwordHash = await bcrypt.hash(newPassword, 10);
    await this.users.manager.transaction(async (tx) => {
      await tx.getRepository(User).update({ id }, { passwordHash, failedLogins: 0 });
      // Sessions opened with the old password end.
      await tx.getRepository(RefreshToken).update({ userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
    return this.find(id);
  }

  async setLocked(caller: Caller, id: string, locked: boolean): Promise<User> {
    const user = await this.find(id);
    if (locked && user.id === caller.userId) {
      throw DomainError.validation([detail('id', '不能锁定自己的账号', 'You cannot lock your own account')]);
    }
    await this.users.manager.transaction(async (tx) => {
      await tx.getRepository(User).update({ id }, locked ? { lockedUntil: LOCKED_BY_ADMIN_UNTIL } : { lockedUntil: null, failedLogins: 0 });
      if (locked) await tx.getRepository(RefreshToken).update({ userId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
    });
    return this.find(id);
  }

  private async find(id: string): Promise<User> {
    const user = ID.test(id ?? '') ? await this.users.findOneBy({ id }) : null;
    if (!user) throw DomainError.notFound('User', '用户', id);
    return user;
  }

  private checkPassword(password: string | undefined, problems: ErrorDetail[], field: string): void {
    if (!password || password.length < 8 || password.length > 128) problems.push(detail(field, '密码须为 8–128 个字符', 'The password must be 8–128 characters'));
  }

  /** Roles, region, dealer and reporting line that fit together; problems are collected, not thrown. */
  private async checkAccess(user: User | null, input: Omit<UserAccessInput, 'displayName'> & { displayName?: string | null }, problems: ErrorDetail[]): Promise<Access> {
    const displayName = (input.displayName ?? '').trim();
    if (!displayName || displayName.length > 128) problems.push(detail('displayName', '姓名不能为空且不超过 128 字', 'displayName must be 1–128 characters'));
    const roles = [...new Set((input.roles ?? []).map((r) => String(r).toUpperCase()))] as Role[];
    const unknown = roles.filter((r) => !ALL_ROLES.includes(r));
    if (!roles.length) problems.push(detail('roles', '至少分配一个角色', 'Assign at least one role'));
    if (unknown.length) problems.push(detail('roles', `未知角色：${unknown.join('、')}`, `Unknown roles: ${unknown.join(', ')}`));
    const isDealer = roles.includes(Role.DEALER);
    if (isDealer && roles.length > 1) problems.push(detail('roles', '经销商账号不能同时拥有总部角色', 'A dealer account cannot also hold headquarters roles'));
    const dealerId = input.dealerId?.trim() || null;
    if (isDealer && !dealerId) problems.push(detail('dealerId', '经销商账号必须指定经销商', 'A dealer account needs its dealer'));
    if (!isDealer && dealerId) problems.push(detail('dealerId', '只有经销商账号可以指定经销商', 'Only dealer accounts belong to a dealer'));
    if (dealerId && !ID.test(dealerId)) problems.push(detail('dealerId', '经销商标识格式不正确', 'dealerId is not a valid id'));
    const region = input.region?.trim() || null;
    if (region && !(REGIONS as readonly string[]).includes(region)) problems.push(detail('region', `区域须为：${REGIONS.join('、')}`, `region must be one of ${REGIONS.join(', ')}`));
    if ((roles.includes(Role.REP) || roles.includes(Role.SUPERVISOR)) && !region) problems.push(detail('region', '销售和主管必须指定区域', 'Reps and supervisors need a region'));
    const supervisorId = input.supervisorId?.trim() || null;
    if (supervisorId) {
      const supervisor = ID.test(supervisorId) ? await this.users.findOneBy({ id: supervisorId }) : null;
      if (!supervisor) problems.push(detail('supervisorId', '上级用户不存在', 'The supervisor does not exist'));
      else if (!supervisor.roles.some((r) => r === Role.SUPERVISOR || r === Role.DIRECTOR)) problems.push(detail('supervisorId', '上级须为主管或总监', 'The supervisor must be a SUPERVISOR or DIRECTOR'));
      else if (user && (await this.reportsTo(supervisor, user.id))) problems.push(detail('supervisorId', '汇报关系不能形成循环', 'The reporting line would form a loop'));
    }
    return { displayName: displayName.slice(0, 128), roles, region, supervisorId, dealerId };
  }

  /** True when `start` (or anyone above it) is `userId` — a loop in the reporting line. */
  private async reportsTo(start: User, userId: string): Promise<boolean> {
    let current: User | null = start;
    for (let hops = 0; current && hops < 20; hops++) {
      if (current.id === userId) return true;
      current = current.supervisorId ? await this.users.findOneBy({ id: current.supervisorId }) : null;
    }
    return false;
  }
}

function usernameTaken(username: string): DomainError {
  return new DomainError('USERNAME_TAKEN', `用户名 ${username} 已存在`, `The username ${username} is taken`, [{ field: 'username', messageZh: '用户名已存在', messageEn: 'username is taken' }], 409);
}
