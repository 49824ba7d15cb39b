import { MigrationInterface, QueryRunner } from 'typeorm';

export class Redemption1795437977108 implements MigrationInterface {
  name = 'Redemption1795437977108';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`redemption_item\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(128) NOT NULL, \`description\` varchar(255) NULL, \`unit\` varchar(8) NOT NULL, \`pointsCost\` int NOT NULL, \`stock\` int NOT NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_redemption_item_code\` (\`code\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`redemption\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`itemId\` varchar(36) NOT NULL, \`itemCode\` varchar(32) NOT NULL, \`itemName\` varchar(128) NOT NULL, \`quantity\` int NOT NULL, \`points\` int NOT NULL, \`entryId\` varchar(36) NOT NULL, \`balanceAfter\` int NOT NULL, \`redeemedBy\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_f7672da0149b5f28b5c0aefdb8\` (\`dealerId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_f7672da0149b5f28b5c0aefdb8\` ON \`redemption\``);
    await queryRunner.query(`DROP TABLE \`redemption\``);
    await queryRunner.query(`DROP INDEX \`UQ_redemption_item_code\` ON \`redemption_item\``);
    await queryRunner.query(`DROP TABLE \`redemption_item\``);
  }
}
