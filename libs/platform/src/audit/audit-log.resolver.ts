import { Type } from '@nestjs/common';
import { Args, Directive, Field, ID, InputType, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { Allow } from '../auth/access.decorators';
import { Role } from '../auth/role';
import { DomainError } from '../errors/domain-error';
import { Connection, ConnectionShape, PageArgs, pageWindow, toConnection } from '../paging/connection';
import { AuditEntry } from './audit-entry.entity';

@ObjectType('AuditLogEntry', { description: 'One audited change (hash-chained per service) / 审计日志条目' })
@Directive('@shareable')
export class AuditLogEntry {
  @Field(() => Int, { description: 'Position in the service chain' }) seq: number;
  @Field({ description: 'Which service wrote it, e.g. orders' }) service: string;
  @Field(() => Date) occurredAt: Date;
  @Field(() => String, { nullable: true }) requestId: string | null;
  @Field(() => ID, { nullable: true }) userId: string | null;
  @Field(() => String, { nullable: true }) username: string | null;
  @Field(() => [String]) roles: string[];
  @Field({ description: 'INSERT, UPDATE or DELETE' }) action: string;
  @Field({ description: 'Entity class, e.g. Contract' }) entityType: string;
  @Field() entityId: string;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields before (sensitive values redacted)' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields after (sensitive values redacted)' }) after: string | null;
  @Field() prevHash: string;
  @Field() hash: string;
}

@ObjectType('AuditLogEntryConnection')
@Directive('@shareable')
export class AuditLogEntryConnection extends Connection(AuditLogEntry) {}

@InputType('AuditLogFilter', { description: 'Narrows the audit log; every field optional / 审计日志筛选' })
export class AuditLogFilter {
  @Field(() => String, { nullable: true, description: 'Entity class, e.g. Contract' }) entityType?: string | null;
  @Field(() => String, { nullable: true }) entityId?: string | null;
  @Field(() => ID, { nullable: true }) userId?: string | null;
  @Field(() => String, { nullable: true, description: 'Exact username' }) username?: string | null;
  @Field(() => String, { nullable: true, description: 'INSERT, UPDATE or DELETE' }) action?: string | null;
  @Field(() => Date, { nullable: true, description: 'From this time (inclusive)' }) from?: Date | null;
  @Field(() => Date, { nullable: true, description: 'Until this time (exclusive)' }) to?: Date | null;
}

const ACTIONS = ['INSERT', 'UPDATE', 'DELETE'];

function rootFieldName(serviceName: string): string {
  const camel = serviceName.replace(/[-_]+([a-z0-9])/gi, (_m, c: string) => c.toUpperCase());
  return `${camel}AuditLog`;
}

/**
 * The query `<service>AuditLog(filter, first, after, offset)` over this service's chain, newest
 * first; admin and director only. Every subgraph that lists the audit entities gets one.
 */
export function auditLogResolver(serviceName: string): Type<unknown> {
  @Resolver(() => AuditLogEntry)
  class AuditLogResolver {
    constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

    @Query(() => AuditLogEntryConnection, { name: rootFieldName(serviceName), description: `Audit log of the ${serviceName} service (admin, director) / ${serviceName} 审计日志` })
    @Allow(Role.ADMIN, Role.DIRECTOR)
    async auditLog(
      @Args('filter', { type: () => AuditLogFilter, nullable: true }) filter: AuditLogFilter | null,
      @Args() page: PageArgs,
    ): Promise<ConnectionShape<AuditLogEntry>> {
      const window = pageWindow(page, 50);
      const f = filter ?? {};
      if (f.action && !ACTIONS.includes(f.action)) {
        throw DomainError.validation([{ field: 'filter.action', messageZh: '操作类型须为 INSERT、UPDATE 或 DELETE', messageEn: 'action must be INSERT, UPDATE or DELETE' }]);
      }
      if (f.from && f.to && f.from.getTime() > f.to.getTime()) {
        throw DomainError.validation([{ field: 'filter.from', messageZh: '开始时间不能晚于结束时间', messageEn: 'from must not be after to' }]);
      }
      const query = this.dataSource.getRepository(AuditEntry).createQueryBuilder('e');
      query.where(
        new Brackets((w) => {
          w.where('1 = 1');
          if (f.entityType) w.andWhere('e.entityType = :entityType', { entityType: f.entityType });
          if (f.entityId) w.andWhere('e.entityId = :entityId', { entityId: f.entityId });
          if (f.userId) w.andWhere('e.userId = :userId', { userId: f.userId });
          if (f.username) w.andWhere('e.username = :username', { username: f.username });
          if (f.action) w.andWhere('e.action = :action', { action: f.action });
          if (f.from) w.andWhere('e.occurredAt >= :from', { from: f.from });
          if (f.to) w.andWhere('e.occurredAt < :to', { to: f.to });
        }),
      );
      const [rows, total] = await query.orderBy('e.seq', 'DESC').skip(window.skip).take(window.take).getManyAndCount();
      return toConnection(
        rows.map((r) => ({ ...r, seq: Number(r.seq), service: serviceName, roles: r.roles ? r.roles.split(',') : [] })),
        total,
        window,
      );
    }
  }
  return AuditLogResolver;
}
