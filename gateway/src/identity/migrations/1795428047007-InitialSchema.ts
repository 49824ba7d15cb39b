import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795428047007 implements MigrationInterface {
  name = 'InitialSchema1795428047007';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`app_user\` (\`id\` varchar(36) NOT NULL, \`username\` varchar(64) NOT NULL, \`displayName\` varchar(128) NOT NULL, \`passwordHash\` varchar(100) NOT NULL, \`roles\` text NOT NULL, \`region\` varchar(16) NULL, \`supervisorId\` varchar(36) NULL, \`dealerId\` varchar(36) NULL, \`active\` tinyint NOT NULL DEFAULT 1, \`failedLogins\` int NOT NULL DEFAULT '0', \`lockedUntil\` datetime NULL, \`hiredAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_c480e576dd71729addbc2d51b6\` (\`username\`), INDEX \`IDX_319687376ad6f471e1d15ea736\` (\`dealerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`refresh_token\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`tokenHash\` varchar(64) NOT NULL, \`expiresAt\` datetime NOT NULL, \`revokedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_8e913e288156c133999341156a\` (\`userId\`), UNIQUE INDEX \`IDX_204f27bcee2b705b8230beaf41\` (\`tokenHash\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_204f27bcee2b705b8230beaf41\` ON \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`IDX_8e913e288156c133999341156a\` ON \`refresh_token\``);
    await queryRunner.query(`DROP TABLE \`refresh_token\``);
    await queryRunner.query(`DROP INDEX \`IDX_319687376ad6f471e1d15ea736\` ON \`app_user\``);
    await queryRunner.query(`DROP INDEX \`IDX_c480e576dd71729addbc2d51b6\` ON \`app_user\``);
    await queryRunner.query(`DROP TABLE \`app_user\``);
  }
}
