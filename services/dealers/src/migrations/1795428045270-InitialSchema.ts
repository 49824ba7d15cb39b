import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1795428045270 implements MigrationInterface {
  name = 'InitialSchema1795428045270';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`territory\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`provinceCode\` varchar(6) NOT NULL, \`provinceName\` varchar(32) NOT NULL, \`cityCode\` varchar(6) NULL, \`cityName\` varchar(32) NULL, INDEX \`IDX_c39997c6039fa787ccce7b1c17\` (\`provinceCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dealer\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(16) NOT NULL, \`name\` varchar(128) NOT NULL, \`tier\` varchar(1) NOT NULL, \`region\` varchar(16) NOT NULL, \`contactName\` varchar(64) NOT NULL, \`phone\` varchar(32) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_552a7bc6ae04c3a5127b902ac8\` (\`code\`), INDEX \`IDX_85b5308916144b5dab0a542406\` (\`region\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`territory\` ADD CONSTRAINT \`FK_937ecccf959bb284b30f06db7bf\` FOREIGN KEY (\`dealerId\`) REFERENCES \`dealer\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`territory\` DROP FOREIGN KEY \`FK_937ecccf959bb284b30f06db7bf\``);
    await queryRunner.query(`DROP INDEX \`IDX_85b5308916144b5dab0a542406\` ON \`dealer\``);
    await queryRunner.query(`DROP INDEX \`IDX_552a7bc6ae04c3a5127b902ac8\` ON \`dealer\``);
    await queryRunner.query(`DROP TABLE \`dealer\``);
    await queryRunner.query(`DROP INDEX \`IDX_c39997c6039fa787ccce7b1c17\` ON \`territory\``);
    await queryRunner.query(`DROP TABLE \`territory\``);
  }
}
