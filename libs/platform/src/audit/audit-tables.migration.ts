import { MigrationInterface, QueryRunner } from 'typeorm';

/** MySQL/MariaDB tables of the hash-chained audit log; SQLite builds them from the entities. */
export class AuditTables1795960000000 implements MigrationInterface {
  name = 'AuditTables1795960000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `audit_entry` (`seq` int UNSIGNED NOT NULL, `occurredAt` datetime(3) NOT NULL, `requestId` varchar(64) NULL, `userId` varchar(36) NULL, `username` varchar(64) NULL, `roles` varchar(200) NULL, `action` varchar(10) NOT NULL, `entityType` varchar(100) NOT NULL, `entityId` varchar(200) NOT NULL, `before` text NULL, `after` text NULL, `prevHash` varchar(64) NOT NULL, `hash` varchar(64) NOT NULL, INDEX `IDX_audit_entry_entity` (`entityType`, `entityId`), INDEX `IDX_audit_entry_user` (`userId`, `seq`), INDEX `IDX_audit_entry_time` (`occurredAt`), PRIMARY KEY (`seq`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `audit_chain_head` (`id` varchar(20) NOT NULL, `seq` int UNSIGNED NOT NULL, `hash` varchar(64) NOT NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `audit_chain_head`');
    await queryRunner.query('DROP TABLE `audit_entry`');
  }
}
