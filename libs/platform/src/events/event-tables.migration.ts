import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MySQL/MariaDB tables of the event backbone (outbox_event, inbox_record), as the entities
 * describe them. A service adds it to its migration list once; SQLite builds them from the entities.
 */
export class EventBackbone1795900000000 implements MigrationInterface {
  name = 'EventBackbone1795900000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE TABLE `outbox_event` (`seq` int UNSIGNED NOT NULL AUTO_INCREMENT, `id` varchar(36) NOT NULL, `topic` varchar(200) NOT NULL, `messageKey` varchar(200) NOT NULL, `payload` text NOT NULL, `headers` text NULL, `createdAt` datetime(3) NOT NULL, `publishedAt` datetime(3) NULL, `attempts` int NOT NULL DEFAULT \'0\', `lastError` text NULL, UNIQUE INDEX `UQ_outbox_event_id` (`id`), INDEX `IDX_outbox_event_key` (`messageKey`, `seq`), INDEX `IDX_outbox_event_unpublished` (`publishedAt`, `seq`), PRIMARY KEY (`seq`)) ENGINE=InnoDB',
    );
    await queryRunner.query(
      'CREATE TABLE `inbox_record` (`consumer` varchar(100) NOT NULL, `eventId` varchar(36) NOT NULL, `topic` varchar(200) NOT NULL, `handledAt` datetime(3) NOT NULL, PRIMARY KEY (`consumer`, `eventId`)) ENGINE=InnoDB',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `inbox_record`');
    await queryRunner.query('DROP TABLE `outbox_event`');
  }
}
