import { ArgsType, Directive, Field, Int, ObjectType } from '@nestjs/graphql';
import { Type } from '@nestjs/common';
import { DomainError } from '../errors/domain-error';

@ObjectType({ description: 'Where a page sits in a list / 分页位置' })
@Directive('@shareable')
export class PageInfo {
  @Field() hasNextPage: boolean;
  @Field(() => String, { nullable: true }) endCursor: string | null;
}

export interface ConnectionShape<T> {
  totalCount: number;
  nodes: T[];
  pageInfo: PageInfo;
}

/** `class CustomerConnection extends Connection(Customer) {}` gives `{ totalCount nodes pageInfo }`. */
export function Connection<T>(node: Type<T>): Type<ConnectionShape<T>> {
  @ObjectType({ isAbstract: true })
  abstract class ConnectionType implements ConnectionShape<T> {
    @Field(() => Int) totalCount: number;
    @Field(() => [node]) nodes: T[];
    @Field(() => PageInfo) pageInfo: PageInfo;
  }
  return ConnectionType as unknown as Type<ConnectionShape<T>>;
}

export const MAX_PAGE_SIZE = 200;

@ArgsType()
export class PageArgs {
  @Field(() => Int, { nullable: true, description: 'Page size (default 20, max 200)' }) first?: number;
  @Field(() => String, { nullable: true, description: 'endCursor of the previous page' }) after?: string;
  @Field(() => Int, { nullable: true, description: 'Rows to skip (page jumps); ignored when after is given' }) offset?: number;
}

export interface PageWindow {
  skip: number;
  take: number;
}

const encodeCursor = (offset: number) => Buffer.from(`o:${offset}`).toString('base64url');

export function pageWindow(args: PageArgs, defaultSize = 20): PageWindow {
  const take = args.first ?? defaultSize;
  if (!Number.isInteger(take) || take < 0 || take > MAX_PAGE_SIZE) {
    throw DomainError.validation([{ field: 'first', messageZh: `每页条数须在 0 到 ${MAX_PAGE_SIZE} 之间`, messageEn: `first must be between 0 and ${MAX_PAGE_SIZE}` }]);
  }
  if (args.after) {
    const decoded = /^o:(\d+)$/.exec(Buffer.from(args.after, 'base64url').toString('utf8'));
    if (!decoded) throw DomainError.validation([{ field: 'after', messageZh: '分页游标无效', messageEn: 'after is not a valid cursor' }]);
    return { skip: Number(decoded[1]), take };
  }
  const skip = args.offset ?? 0;
  if (!Number.isInteger(skip) || skip < 0) {
    throw DomainError.validation([{ field: 'offset', messageZh: '偏移量不能为负数', messageEn: 'offset must not be negative' }]);
  }
  return { skip, take };
}

export function toConnection<T>(nodes: T[], totalCount: number, window: PageWindow): ConnectionShape<T> {
  const end = window.skip + nodes.length;
  return {
    totalCount,
    nodes,
    pageInfo: { hasNextPage: end < totalCount, endCursor: nodes.length ? encodeCursor(end) : null },
  };
}
