import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketWorkflowAndSigning1795429313871 implements MigrationInterface {
  name = 'TicketWorkflowAndSigning1795429313871';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`technical_agreement\` (\`id\` varchar(36) NOT NULL, \`ticketId\` varchar(36) NOT NULL, \`version\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`spec\` text NOT NULL, \`approvedBy\` varchar(36) NOT NULL, \`legalReviewedBy\` varchar(36) NULL, \`legalReviewedAt\` datetime NULL, \`legalComment\` varchar(1000) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_dfc644c3960ffb8621167a84b0\` (\`ticketId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`department_task\` (\`id\` varchar(36) NOT NULL, \`ticketId\` varchar(36) NOT NULL, \`department\` varchar(16) NOT NULL, \`ownerRole\` varchar(16) NOT NULL, \`region\` varchar(16) NOT NULL, \`title\` varchar(64) NOT NULL, \`status\` varchar(16) NOT NULL, \`dueAt\` datetime NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`firstActionAt\` datetime NULL, \`doneAt\` datetime NULL, \`doneBy\` varchar(36) NULL, \`note\` varchar(500) NULL, INDEX \`IDX_829d94aef86aca31e0796e3425\` (\`department\`, \`status\`), INDEX \`IDX_10254b60210b84276003c126fc\` (\`ticketId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`review_comment\` (\`id\` varchar(36) NOT NULL, \`ticketId\` varchar(36) NOT NULL, \`field\` varchar(32) NOT NULL, \`comment\` varchar(1000) NOT NULL, \`authorId\` varchar(36) NOT NULL, \`authorName\` varchar(64) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_a95c7e70e78fe7913cc218668b\` (\`ticketId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` ADD \`changesRequestedFields\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` ADD \`changesRequestedComment\` varchar(1000) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`signedBy\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`signedByName\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`signedScanSha256\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`signIdempotencyKey\` varchar(64) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`ticketId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`agreementId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`agreementVersion\` int NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`lines\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`urgency\` varchar(8) NOT NULL DEFAULT 'NORMAL'`);
    await queryRunner.query(`ALTER TABLE \`contract\` ADD \`customerHealth\` int NOT NULL DEFAULT '50'`);
    await queryRunner.query(`CREATE INDEX \`IDX_c5648535850b79800940790b30\` ON \`contract\` (\`ticketId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c5648535850b79800940790b30\` ON \`contract\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`customerHealth\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`urgency\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`lines\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`agreementVersion\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`agreementId\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`ticketId\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`signIdempotencyKey\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`signedScanSha256\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`signedByName\``);
    await queryRunner.query(`ALTER TABLE \`contract\` DROP COLUMN \`signedBy\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` DROP COLUMN \`changesRequestedComment\``);
    await queryRunner.query(`ALTER TABLE \`requirement_ticket\` DROP COLUMN \`changesRequestedFields\``);
    await queryRunner.query(`DROP INDEX \`IDX_a95c7e70e78fe7913cc218668b\` ON \`review_comment\``);
    await queryRunner.query(`DROP TABLE \`review_comment\``);
    await queryRunner.query(`DROP INDEX \`IDX_10254b60210b84276003c126fc\` ON \`department_task\``);
    await queryRunner.query(`DROP INDEX \`IDX_829d94aef86aca31e0796e3425\` ON \`department_task\``);
    await queryRunner.query(`DROP TABLE \`department_task\``);
    await queryRunner.query(`DROP INDEX \`IDX_dfc644c3960ffb8621167a84b0\` ON \`technical_agreement\``);
    await queryRunner.query(`DROP TABLE \`technical_agreement\``);
  }
}
