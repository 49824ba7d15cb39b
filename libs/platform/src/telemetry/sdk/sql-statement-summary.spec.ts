import { summarizeStatement } from './sql-statement-summary';

describe('summarizeStatement', () => {
  it('names the statement kind and its table as TypeORM writes them on MySQL and SQLite', () => {
    expect(summarizeStatement('SELECT `Customer`.`id` AS `Customer_id` FROM `customer` `Customer` WHERE `Customer`.`id` IN (?, ?)')).toEqual({ operation: 'SELECT', table: 'customer' });
    expect(summarizeStatement('SELECT "c"."id" FROM "customer" "c" WHERE "c"."name" = ?')).toEqual({ operation: 'SELECT', table: 'customer' });
    expect(summarizeStatement('INSERT INTO `lianxiao_orders`.`contract`(`id`, `amount`) VALUES (?, ?)')).toEqual({ operation: 'INSERT', table: 'contract' });
    expect(summarizeStatement('UPDATE outbox_event SET publishedAt = ? WHERE seq BETWEEN ? AND ?')).toEqual({ operation: 'UPDATE', table: 'outbox_event' });
    expect(summarizeStatement('DELETE FROM "inbox_record" WHERE "consumer" = ?')).toEqual({ operation: 'DELETE', table: 'inbox_record' });
    expect(summarizeStatement('SELECT COUNT(DISTINCT("c"."id")) AS "cnt" FROM "customer" "c"')).toEqual({ operation: 'SELECT', table: 'customer' });
  });

  it('names statements without a table by their kind', () => {
    expect(summarizeStatement('START TRANSACTION')).toEqual({ operation: 'START TRANSACTION' });
    expect(summarizeStatement('COMMIT')).toEqual({ operation: 'COMMIT' });
    expect(summarizeStatement('SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED')).toEqual({ operation: 'SET SESSION' });
    expect(summarizeStatement('SELECT 1')).toEqual({ operation: 'SELECT' });
    expect(summarizeStatement('')).toEqual({ operation: 'SQL' });
  });

  it('never carries a value from the statement', () => {
    const summary = summarizeStatement("SELECT * FROM customer WHERE name = '张三' AND phone = '13800000000'");
    expect(JSON.stringify(summary)).not.toMatch(/张三|13800000000/);
  });
});
