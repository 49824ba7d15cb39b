import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * MySQL/MariaDB table of the once-per-cluster scheduler (scheduled_job_lease), as the entity
 * describes it. A service adds it to its migration list once; SQLite builds it from the entity.
 */
export class SchedulingLease1795900000100 implements MigrationInterface {
  name = 'SchedulingLease1795900000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      "CREATE TABLE `scheduled_job_lease` (`name` varchar(100) NOT NULL, `owner` varchar(200) NULL, `expiresAt` datetime(3) NULL, `lastDueSlot` datetime(3) NULL, `lastRunAt` datetime(3) NULL, `runs` int NOT NULL DEFAULT '0', `lastError` text NULL, `version` int NOT NULL DEFAULT '0', PRIMARY KEY (`name`)) ENGINE=InnoDB",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE `scheduled_job_lease`');
  }
}
