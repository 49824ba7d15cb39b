import { EntityTarget, ObjectLiteral, Repository } from 'typeorm';
import { Caller } from '@lianxiao/platform';
import { applyHqScope } from '../access/hq-scope';

/** How many of a customer's contracts / tickets a `Customer` answers with when `first` is not given. */
export const NESTED_DEFAULT = 20;

/**
 * The newest `perCustomer` rows of each of these customers that the caller may see, newest first,
 * in one statement (ROW_NUMBER per customer; MariaDB 10.2+ and SQLite 3.25+). A customer's nested
 * list in a page of customers stays bounded however many contracts or tickets the customer has.
 */
export function newestPerCustomer<T extends ObjectLiteral & { customerId: string }>(
  repo: Repository<T>,
  entity: EntityTarget<T>,
  caller: Caller | null,
  customerIds: readonly string[],
  perCustomer: number,
): Promise<T[]> {
  if (!customerIds.length || perCustomer <= 0) return Promise.resolve([]);
  return repo
    .createQueryBuilder('row')
    .innerJoin(
      (sub) =>
        applyHqScope(
          sub
            .select('ranked.id', 'rankedId')
            .addSelect('ROW_NUMBER() OVER (PARTITION BY ranked.customerId ORDER BY ranked.createdAt DESC, ranked.number DESC)', 'position')
            .from(entity, 'ranked')
            .where('ranked.customerId IN (:...customerIds)', { customerIds: [...customerIds] }),
          'ranked',
          caller,
        ),
      'newest',
      'newest.rankedId = row.id AND newest.position <= :perCustomer',
      { perCustomer },
    )
    .orderBy('row.createdAt', 'DESC')
    .addOrderBy('row.number', 'DESC')
    .getMany();
}
