import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Caller, DomainError, newId } from '@lianxiao/platform';
import { Customer } from '../customer';
import { CustomerService } from '../customer/customer.service';
import { Clock, CLOCK } from './file-storage';
import { FollowUp, FollowUpVersion } from './pipeline.entities';
import { AddFollowUpInput, EditFollowUpInput } from './pipeline.dto';
import { checkFollowUpFields, FollowUpFields } from './follow-up-rules';

/** Follow-ups: every version is kept in follow_up_version; follow_up holds the current one. */
@Injectable()
export class FollowUpService {
  constructor(
    private readonly db: DataSource,
    @InjectRepository(FollowUp) private readonly followUps: Repository<FollowUp>,
    @InjectRepository(FollowUpVersion) private readonly versions: Repository<FollowUpVersion>,
    private readonly customerService: CustomerService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** Follow-ups of many customers, newest first (one query). */
  ofCustomers(customerIds: readonly string[]): Promise<FollowUp[]> {
    return this.followUps.find({ where: { customerId: In([...customerIds]) }, order: { createdAt: 'DESC', id: 'DESC' } });
  }

  versionsOf(followUpIds: readonly string[]): Promise<FollowUpVersion[]> {
    return this.versions.find({ where: { followUpId: In([...followUpIds]) }, order: { version: 'ASC' } });
  }

  /** Records a follow-up; the customer's last interaction becomes now, and its next action date the given one. */
  async add(caller: Caller, customerId: string, input: AddFollowUpInput): Promise<FollowUp> {
    await this.customerService.findForCaller(caller, customerId);
    const fields = normalise(input);
    const details = checkFollowUpFields(fields);
    if (details.length) throw DomainError.validation(details);
    const now = this.clock.now();
    const row: FollowUp = { id: newId(), customerId, ...(fields as FollowUpFields & { type: FollowUp['type'] }), createdBy: caller.userId, createdAt: now, editedBy: null, editedAt: null, version: 1 };
    await this.db.transaction(async (tx) => {
      await tx.getRepository(FollowUp).insert(row);
      await tx.getRepository(FollowUpVersion).insert(versionRow(row, caller.userId, now));
      const changes: Partial<Customer> = { lastInteractionAt: now };
      if (fields.nextActionDate) changes.nextActionDate = fields.nextActionDate;
      await tx.getRepository(Customer).update({ id: customerId }, changes);
    });
    return this.followUps.findOneByOrFail({ id: row.id });
  }

  /** Applies an edit as a new version; the previous versions stay untouched. */
  async edit(caller: Caller, followUpId: string, input: EditFollowUpInput): Promise<FollowUp> {
    const current = await this.followUps.findOneBy({ id: followUpId });
    if (!current) throw DomainError.notFound('Follow-up', '跟进记录', followUpId);
    await this.customerService.findForCaller(caller, current.customerId).catch(() => {
      throw DomainError.notFound('Follow-up', '跟进记录', followUpId);
    });
    const fields: FollowUpFields = normalise({ ...pick(current), ...definedOnly(input) } as AddFollowUpInput);
    const details = checkFollowUpFields(fields);
    if (details.length) throw DomainError.validation(details);
    const now = this.clock.now();
    const next: FollowUp = { ...current, ...(fields as FollowUpFields & { type: FollowUp['type'] }), editedBy: caller.userId, editedAt: now, version: current.version + 1 };
    await this.db.transaction(async (tx) => {
      const { id, customerId, createdBy, createdAt, ...changes } = next;
      void id; void customerId; void createdBy; void createdAt;
      const result = await tx.getRepository(FollowUp).update({ id: followUpId, version: current.version }, changes);
      if (result.affected === 0) throw DomainError.conflict('跟进记录已被他人修改，请刷新后重试', 'The follow-up was changed meanwhile; reload and try again');
      await tx.getRepository(FollowUpVersion).insert(versionRow(next, caller.userId, now));
      if (input.nextActionDate) await tx.getRepository(Customer).update({ id: current.customerId }, { nextActionDate: input.nextActionDate });
    });
    return this.followUps.findOneByOrFail({ id: followUpId });
  }
}

function pick(f: FollowUp): FollowUpFields {
  return { type: f.type, summary: f.summary, obstacle: f.obstacle, nextAction: f.nextAction, nextActionDate: f.nextActionDate, latitude: f.latitude, longitude: f.longitude };
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function normalise(input: AddFollowUpInput): FollowUpFields {
  const text = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);
  return {
    type: input.type,
    summary: input.summary?.trim() ?? '',
    obstacle: text(input.obstacle),
    nextAction: text(input.nextAction),
    nextActionDate: text(input.nextActionDate),
    latitude: input.latitude ?? null,
    longitude: input.longitude ?? null,
  };
}

function versionRow(f: FollowUp, authoredBy: string, authoredAt: Date): FollowUpVersion {
  return {
    id: newId(), followUpId: f.id, version: f.version, type: f.type, summary: f.summary, obstacle: f.obstacle,
    nextAction: f.nextAction, nextActionDate: f.nextActionDate, latitude: f.latitude, longitude: f.longitude, authoredBy, authoredAt,
  };
}
