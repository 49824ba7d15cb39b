import { MigrationInterface, QueryRunner } from 'typeorm';

/** CHANGES_REQUESTED needs 17 characters. MODIFY keeps the rows (TypeORM would drop and re-add the column). */
export class WidenTicketStatus1795429860295 implements MigrationInterface {
  name = 'WidenTicketStatus1795429860295';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `requirement_ticket` MODIFY `status` varchar(24) NOT NULL');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `requirement_ticket` MODIFY `status` varchar(16) NOT NULL');
  }
}
