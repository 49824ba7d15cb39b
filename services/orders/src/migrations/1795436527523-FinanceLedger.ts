import { MigrationInterface, QueryRunner } from 'typeorm';

/** Finance tables of the orders service: invoices, payments, statements, customer finance contacts, alerts. */
export class FinanceLedger1795436527523 implements MigrationInterface {
  name = 'FinanceLedger1795436527523';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`finance_invoice\` (\`id\` varchar(36) NOT NULL, \`number\` varchar(32) NOT NULL, \`contractId\` varchar(36) NOT NULL, \`contractNumber\` varchar(16) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`region\` varchar(16) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`amount\` decimal(14,2) NOT NULL, \`issuedOn\` varchar(10) NOT NULL, \`note\` varchar(200) NULL, \`idempotencyKey\` varchar(64) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_a8f52e7954589cfeef9778936f\` (\`number\`), INDEX \`IDX_ea4fd317e254accf28616cb59d\` (\`contractId\`), UNIQUE INDEX \`IDX_65511b04d91f8808a5ae4f25b0\` (\`idempotencyKey\`), INDEX \`IDX_07e307dc1bb8590592ed4a3481\` (\`region\`, \`issuedOn\`), INDEX \`IDX_55a8e1e303b62371dbadf99669\` (\`customerId\`, \`issuedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`finance_payment\` (\`id\` varchar(36) NOT NULL, \`contractId\` varchar(36) NOT NULL, \`contractNumber\` varchar(16) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`region\` varchar(16) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`amount\` decimal(14,2) NOT NULL, \`receivedOn\` varchar(10) NOT NULL, \`reference\` varchar(64) NULL, \`idempotencyKey\` varchar(64) NOT NULL, \`requestHash\` varchar(64) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_376041bcbf237da7a72498a899\` (\`contractId\`), UNIQUE INDEX \`IDX_c132a9ef37c7a33ec77a354147\` (\`idempotencyKey\`), INDEX \`IDX_37b769fc95980c28f860a53826\` (\`region\`, \`receivedOn\`), INDEX \`IDX_f81d689920820871f56e97ca38\` (\`customerId\`, \`receivedOn\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`finance_customer_contact\` (\`customerId\` varchar(36) NOT NULL, \`customerName\` varchar(100) NOT NULL, \`region\` varchar(16) NOT NULL, \`contactName\` varchar(64) NOT NULL, \`email\` varchar(200) NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`finance_alert\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(24) NOT NULL, \`statementId\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`customerName\` varchar(100) NOT NULL, \`region\` varchar(16) NOT NULL, \`month\` varchar(7) NOT NULL, \`ourAmount\` decimal(14,2) NOT NULL, \`customerAmount\` decimal(14,2) NOT NULL, \`deviation\` decimal(9,4) NULL, \`comment\` varchar(500) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_fbc33c02fffe5fac9d9596f112\` (\`statementId\`), INDEX \`IDX_d350694da4221b79b2ffa01c77\` (\`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`finance_statement\` (\`id\` varchar(36) NOT NULL, \`number\` varchar(24) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`customerName\` varchar(100) NOT NULL, \`region\` varchar(16) NOT NULL, \`month\` varchar(7) NOT NULL, \`openingBalance\` decimal(14,2) NOT NULL, \`invoicedAmount\` decimal(14,2) NOT NULL, \`paidAmount\` decimal(14,2) NOT NULL, \`closingBalance\` decimal(14,2) NOT NULL, \`lines\` text NOT NULL, \`status\` varchar(12) NOT NULL, \`emailTo\` varchar(200) NOT NULL, \`mailError\` varchar(300) NULL, \`sentAt\` datetime NULL, \`tokenHash\` varchar(64) NOT NULL, \`customerAmount\` decimal(14,2) NULL, \`customerComment\` varchar(500) NULL, \`respondedAt\` datetime NULL, \`generatedBy\` varchar(36) NOT NULL, \`generatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_79bb16d808cae540c25dbf0003\` (\`tokenHash\`), INDEX \`IDX_b2bc8526e3d60feb1b681ced89\` (\`month\`), UNIQUE INDEX \`IDX_c8f9b6a71789fffd50019b3c95\` (\`customerId\`, \`month\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_c8f9b6a71789fffd50019b3c95\` ON \`finance_statement\``);
    await queryRunner.query(`DROP INDEX \`IDX_b2bc8526e3d60feb1b681ced89\` ON \`finance_statement\``);
    await queryRunner.query(`DROP INDEX \`IDX_79bb16d808cae540c25dbf0003\` ON \`finance_statement\``);
    await queryRunner.query(`DROP TABLE \`finance_statement\``);
    await queryRunner.query(`DROP INDEX \`IDX_d350694da4221b79b2ffa01c77\` ON \`finance_alert\``);
    await queryRunner.query(`DROP INDEX \`IDX_fbc33c02fffe5fac9d9596f112\` ON \`finance_alert\``);
    await queryRunner.query(`DROP TABLE \`finance_alert\``);
    await queryRunner.query(`DROP TABLE \`finance_customer_contact\``);
    await queryRunner.query(`DROP INDEX \`IDX_f81d689920820871f56e97ca38\` ON \`finance_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_37b769fc95980c28f860a53826\` ON \`finance_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_c132a9ef37c7a33ec77a354147\` ON \`finance_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_376041bcbf237da7a72498a899\` ON \`finance_payment\``);
    await queryRunner.query(`DROP TABLE \`finance_payment\``);
    await queryRunner.query(`DROP INDEX \`IDX_55a8e1e303b62371dbadf99669\` ON \`finance_invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_07e307dc1bb8590592ed4a3481\` ON \`finance_invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_65511b04d91f8808a5ae4f25b0\` ON \`finance_invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_ea4fd317e254accf28616cb59d\` ON \`finance_invoice\``);
    await queryRunner.query(`DROP INDEX \`IDX_a8f52e7954589cfeef9778936f\` ON \`finance_invoice\``);
    await queryRunner.query(`DROP TABLE \`finance_invoice\``);
  }
}
