import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractSignedAndQueue1795437788376 implements MigrationInterface {
  name = 'ContractSignedAndQueue1795437788376';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`customer_record\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(128) NOT NULL, \`creditCode\` varchar(18) NOT NULL, \`region\` varchar(16) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`sourceUpdatedAt\` datetime(3) NOT NULL, \`receivedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`ticket_drawing\` (\`id\` varchar(36) NOT NULL, \`ticketId\` varchar(36) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`mimeType\` varchar(64) NOT NULL, \`sizeBytes\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`uploadedBy\` varchar(36) NOT NULL, \`uploadedAt\` datetime(3) NOT NULL, INDEX \`IDX_fc5d69f058f06ea627a36782a9\` (\`ticketId\`, \`uploadedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`department_task\` ADD \`remindedAt\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`department_task\` ADD \`escalatedAt\` datetime NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`department_task\` DROP COLUMN \`escalatedAt\``);
    await queryRunner.query(`ALTER TABLE \`department_task\` DROP COLUMN \`remindedAt\``);
    await queryRunner.query(`DROP INDEX \`IDX_fc5d69f058f06ea627a36782a9\` ON \`ticket_drawing\``);
    await queryRunner.query(`DROP TABLE \`ticket_drawing\``);
    await queryRunner.query(`DROP TABLE \`customer_record\``);
  }
}
