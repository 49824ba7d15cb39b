import { MigrationInterface, QueryRunner } from 'typeorm';

export class WidenTicketStatus1795429860295 implements MigrationInterface {
  name = 'WidenTicketStatus1795429860295';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` ON \`requirement_ticket\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` ADD \`status\` varchar(24) NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` ON \`requirement_ticket\` (\`status\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` ON \`requirement_ticket\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` ADD \`status\` varchar(16) NOT NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` ON \`requirement_ticket\` (\`status\`)`);
  }
}
