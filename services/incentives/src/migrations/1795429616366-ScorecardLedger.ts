import { MigrationInterface, QueryRunner } from 'typeorm';

/** Scorecard read model (contract_score) and the points earn rules with their default data. */
export class ScorecardLedger1795429616366 implements MigrationInterface {
  name = 'ScorecardLedger1795429616366';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`contract_score\` (\`id\` varchar(36) NOT NULL, \`contractId\` varchar(36) NOT NULL, \`contractNumber\` varchar(32) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`ownerName\` varchar(64) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`amount\` decimal(14,2) NOT NULL, \`currency\` varchar(3) NOT NULL, \`grossMargin\` decimal(5,4) NOT NULL, \`signedAt\` datetime(3) NOT NULL, \`sourceEventId\` varchar(36) NOT NULL, UNIQUE INDEX \`UQ_contract_score_contract\` (\`contractId\`), INDEX \`IDX_contract_score_owner\` (\`ownerId\`, \`signedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`points_earn_rule\` (\`code\` varchar(32) NOT NULL, \`points\` int NOT NULL, \`perAmount\` int NULL, \`description\` varchar(128) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(
      "INSERT INTO `points_earn_rule` (`code`, `points`, `perAmount`, `description`) VALUES " +
        "('SELL_THROUGH', 1, 1000, '动销每 1,000 元积 1 分'), ('TRAINING_COMPLETED', 100, NULL, '完成培训积 100 分'), " +
        "('ON_TIME_PAYMENT', 50, NULL, '按时回款积 50 分'), ('TARGET_REACHED', 500, NULL, '完成目标积 500 分')",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`points_earn_rule\``);
    await queryRunner.query(`DROP INDEX \`IDX_contract_score_owner\` ON \`contract_score\``);
    await queryRunner.query(`DROP INDEX \`UQ_contract_score_contract\` ON \`contract_score\``);
    await queryRunner.query(`DROP TABLE \`contract_score\``);
  }
}
