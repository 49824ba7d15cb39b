import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795428036065 implements MigrationInterface {
  name = 'Initial1795428036065';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`points_account\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`balance\` int NOT NULL DEFAULT '0', \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_41eb5e0bb73f697a2b813de781\` (\`dealerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`points_entry\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`delta\` int NOT NULL, \`reason\` varchar(32) NOT NULL, \`note\` varchar(128) NULL, \`sourceEventId\` varchar(64) NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_14eee8abd17471614686f8f0b4\` (\`sourceEventId\`), INDEX \`IDX_81ff121337901308cd0e7c9f41\` (\`dealerId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`customer_health\` (\`customerId\` varchar(36) NOT NULL, \`score\` int NOT NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`customer_health\``);
    await queryRunner.query(`DROP INDEX \`IDX_81ff121337901308cd0e7c9f41\` ON \`points_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_14eee8abd17471614686f8f0b4\` ON \`points_entry\``);
    await queryRunner.query(`DROP TABLE \`points_entry\``);
    await queryRunner.query(`DROP INDEX \`IDX_41eb5e0bb73f697a2b813de781\` ON \`points_account\``);
    await queryRunner.query(`DROP TABLE \`points_account\``);
  }
}
