import { MigrationInterface, QueryRunner } from 'typeorm';

export class Scorecards1795437383281 implements MigrationInterface {
  name = 'Scorecards1795437383281';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`scorecard_config\` (\`id\` varchar(36) NOT NULL, \`quarter\` varchar(6) NOT NULL, \`version\` int NOT NULL, \`indicators\` text NOT NULL, \`bands\` text NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, UNIQUE INDEX \`UQ_scorecard_config_version\` (\`quarter\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sales_rep\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`name\` varchar(64) NOT NULL, \`region\` varchar(16) NOT NULL, \`supervisorId\` varchar(36) NULL, \`hiredAt\` datetime NULL, INDEX \`IDX_b91ff444fc6802c58cebc2373e\` (\`region\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`rep_quarter_target\` (\`id\` varchar(36) NOT NULL, \`repId\` varchar(36) NOT NULL, \`quarter\` varchar(6) NOT NULL, \`targetAmount\` decimal(14,2) NOT NULL, \`baseCommission\` decimal(12,2) NOT NULL, UNIQUE INDEX \`UQ_rep_quarter_target\` (\`repId\`, \`quarter\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scorecard_record\` (\`id\` varchar(36) NOT NULL, \`repId\` varchar(36) NOT NULL, \`quarter\` varchar(6) NOT NULL, \`kind\` varchar(32) NOT NULL, \`customerId\` varchar(36) NULL, \`reference\` varchar(64) NOT NULL, \`value\` decimal(14,4) NOT NULL, \`value2\` decimal(14,4) NULL, \`occurredAt\` datetime NOT NULL, \`enteredBy\` varchar(36) NOT NULL, \`enteredAt\` datetime(3) NOT NULL, INDEX \`IDX_scorecard_record_rep\` (\`repId\`, \`quarter\`, \`kind\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`scorecard_closure\` (\`quarter\` varchar(6) NOT NULL, \`configVersion\` int NOT NULL, \`snapshot\` text NOT NULL, \`closedBy\` varchar(36) NOT NULL, \`closedByName\` varchar(64) NOT NULL, \`closedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`quarter\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`customer_health\` ADD \`stage\` varchar(16) NULL`);
    await queryRunner.query(`ALTER TABLE \`customer_health\` ADD \`lastInteractionAt\` datetime NULL`);
    await queryRunner.query(`ALTER TABLE \`customer_health\` ADD \`interactions90d\` int NOT NULL DEFAULT '0'`);
    await queryRunner.query(`ALTER TABLE \`customer_health\` ADD \`paymentRate\` decimal(5,4) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`customer_health\` DROP COLUMN \`paymentRate\``);
    await queryRunner.query(`ALTER TABLE \`customer_health\` DROP COLUMN \`interactions90d\``);
    await queryRunner.query(`ALTER TABLE \`customer_health\` DROP COLUMN \`lastInteractionAt\``);
    await queryRunner.query(`ALTER TABLE \`customer_health\` DROP COLUMN \`stage\``);
    await queryRunner.query(`DROP TABLE \`scorecard_closure\``);
    await queryRunner.query(`DROP INDEX \`IDX_scorecard_record_rep\` ON \`scorecard_record\``);
    await queryRunner.query(`DROP TABLE \`scorecard_record\``);
    await queryRunner.query(`DROP INDEX \`UQ_rep_quarter_target\` ON \`rep_quarter_target\``);
    await queryRunner.query(`DROP TABLE \`rep_quarter_target\``);
    await queryRunner.query(`DROP INDEX \`IDX_b91ff444fc6802c58cebc2373e\` ON \`sales_rep\``);
    await queryRunner.query(`DROP TABLE \`sales_rep\``);
    await queryRunner.query(`DROP INDEX \`UQ_scorecard_config_version\` ON \`scorecard_config\``);
    await queryRunner.query(`DROP TABLE \`scorecard_config\``);
  }
}
