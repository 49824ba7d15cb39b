import { MigrationInterface, QueryRunner } from 'typeorm';

export class TargetLinesPromotionPlans1795446436448 implements MigrationInterface {
  name = 'TargetLinesPromotionPlans1795446436448';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`dealer_target_line\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`productLine\` varchar(16) NOT NULL, \`amount\` decimal(14,2) NOT NULL, UNIQUE INDEX \`UQ_dealer_target_line\` (\`dealerId\`, \`year\`, \`productLine\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`promotion_plan\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`name\` varchar(64) NOT NULL, \`startDate\` date NOT NULL, \`endDate\` date NOT NULL, \`budget\` decimal(14,2) NOT NULL, \`expectedUpliftPct\` decimal(5,1) NOT NULL, \`productLine\` varchar(16) NULL, \`status\` varchar(16) NOT NULL, \`createdBy\` varchar(36) NOT NULL, \`updatedBy\` varchar(36) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), INDEX \`IDX_58543e933f48dfaf1a2336fe93\` (\`dealerId\`, \`year\`, \`startDate\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_58543e933f48dfaf1a2336fe93\` ON \`promotion_plan\``);
    await queryRunner.query(`DROP TABLE \`promotion_plan\``);
    await queryRunner.query(`DROP INDEX \`UQ_dealer_target_line\` ON \`dealer_target_line\``);
    await queryRunner.query(`DROP TABLE \`dealer_target_line\``);
  }
}
