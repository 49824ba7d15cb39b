import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Caller, DomainError, ErrorDetail, isPersonName, Role } from '@lianxiao/platform';
import { User } from './user.entity';
import { CreateMyDealerUserInput } from './dealer-user.dto';
import { UserAdminService } from './user-admin.service';

const ID = /^[0-9a-f-]{8,36}$/i;
/** A person's name: letters of any script, digits, spaces and · . ' - between them. */

/**
 * A dealer's own staff manage their dealer's sign-in accounts: list, add (always role DEALER of the
 * caller's dealer) and lock/unlock. The dealer comes from the signed caller, never from the client;
 * another dealer's account or an HQ account is FORBIDDEN. Writes go through UserAdminService, so the
 * checks and the audit trail are the administrator's.
 */
@Injectable()
export class DealerUserService {
  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly admin: UserAdminService,
  ) {}

  list(caller: Caller): Promise<User[]> {
    return this.users.find({ where: { dealerId: ownDealerOf(caller) }, order: { username: 'ASC' } });
  }

  async create(caller: Caller, input: CreateMyDealerUserInput): Promise<User> {
    const dealerId = ownDealerOf(caller);
    const displayName = (input.displayName ?? '').trim();
    if (displayName && !isPersonName(displayName)) {
      const problems: ErrorDetail[] = [{ field: 'displayName', messageZh: "姓名只能包含文字、数字、空格和 · . ' -", messageEn: "displayName may hold only letters, digits, spaces and · . ' -" }];
      throw DomainError.validation(problems);
    }
    return this.admin.create({
      username: input.username, displayName: input.displayName, password: input.password,
      roles: [Role.DEALER], region: null, supervisorId: null, dealerId,
    });
  }

  async setLocked(caller: Caller, id: string, locked: boolean): Promise<User> {
    const dealerId = ownDealerOf(caller);
    const user = ID.test(id ?? '') ? await this.users.findOneBy({ id }) : null;
    if (!user) throw DomainError.notFound('User', '用户', id);
    if (user.dealerId !== dealerId || user.roles.some((r) => r !== Role.DEALER)) {
      throw DomainError.forbidden("changes to an account outside your dealer", '修改本经销商以外的账号');
    }
    return this.admin.setLocked(caller, id, locked);
  }
}

/** The caller's own dealer; a DEALER account without one may not manage any account. */
function ownDealerOf(caller: Caller): string {
  if (!caller.roles.includes(Role.DEALER) || !caller.dealerId) throw DomainError.forbidden("managing a dealer's accounts", '管理经销商账号');
  return caller.dealerId;
}
