import { MigrationInterface, QueryRunner } from 'typeorm';

/** MySQL/MariaDB table of `withIdempotency` (idempotency_record); SQLite builds it from the entity. */
export class IdempotencyTables1795950000000 implements MigrationInterface {
  name = 'IdempotencyTables1795950000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `idempotency_record` (`scope` varchar(100) NOT NULL, `idempotencyKey` varchar(64) NOT NULL, `payloadHash` varchar(64) NOT NULL, `result` text NULL, `userId` varchar(36) NULL, `createdAt` datetime(3) NOT NULL, PRIMARY KEY (`scope`, `idempotencyKey`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `idempotency_record`');
  }
}
