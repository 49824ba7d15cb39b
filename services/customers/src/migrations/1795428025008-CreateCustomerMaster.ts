import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateCustomerMaster1795428025008 implements MigrationInterface {
  name = 'CreateCustomerMaster1795428025008';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`customer\` (\`id\` varchar(36) NOT NULL, \`name\` varchar(128) NOT NULL, \`creditCode\` varchar(18) NOT NULL, \`industry\` varchar(32) NOT NULL, \`region\` varchar(16) NOT NULL, \`provinceCode\` varchar(6) NULL, \`city\` varchar(32) NULL, \`channel\` varchar(16) NOT NULL, \`productLines\` text NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`ownerName\` varchar(64) NULL, \`stage\` varchar(16) NOT NULL, \`node\` varchar(32) NOT NULL, \`stageEnteredAt\` datetime NOT NULL, \`lastInteractionAt\` datetime NOT NULL, \`nextActionDate\` date NULL, \`contractedAmount\` decimal(14,2) NOT NULL DEFAULT '0.00', \`phone\` varchar(32) NULL, \`namePinyinInitials\` varchar(128) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_ab3327d80da8055f5226eb85c1\` (\`creditCode\`), INDEX \`IDX_e8acaba692c775271a830954c1\` (\`region\`), INDEX \`IDX_a95e40a440dd90f0501baf50ca\` (\`ownerId\`), INDEX \`IDX_5588a70b14134b2996f58386ad\` (\`stage\`), INDEX \`IDX_eb5cae0d9a5b7be5920a078c2c\` (\`lastInteractionAt\`), INDEX \`IDX_4aac832051601835e598ff57c1\` (\`namePinyinInitials\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`contact\` (\`id\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`name\` varchar(64) NOT NULL, \`title\` varchar(32) NULL, \`phone\` varchar(32) NULL, \`email\` varchar(128) NULL, \`isPrimary\` tinyint NOT NULL DEFAULT 0, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), INDEX \`IDX_a54f4088bd2e596cc15c1f7aa3\` (\`customerId\`), INDEX \`IDX_f9f62556c7092913f2a0697505\` (\`phone\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stage\` (\`code\` varchar(16) NOT NULL, \`nameZh\` varchar(32) NOT NULL, \`nameEn\` varchar(64) NOT NULL, \`sortOrder\` int NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stage_node\` (\`code\` varchar(32) NOT NULL, \`stageCode\` varchar(16) NOT NULL, \`nameZh\` varchar(32) NOT NULL, \`nameEn\` varchar(64) NOT NULL, \`sortOrder\` int NOT NULL, INDEX \`IDX_65c21cadcca5d37576ac189444\` (\`stageCode\`, \`sortOrder\`), PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`contact\` ADD CONSTRAINT \`FK_a54f4088bd2e596cc15c1f7aa3d\` FOREIGN KEY (\`customerId\`) REFERENCES \`customer\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE \`stage_node\` ADD CONSTRAINT \`FK_86c6fd3cbaed455e60a7f7e6bf1\` FOREIGN KEY (\`stageCode\`) REFERENCES \`stage\`(\`code\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`stage_node\` DROP FOREIGN KEY \`FK_86c6fd3cbaed455e60a7f7e6bf1\``);
    await queryRunner.query(`ALTER TABLE \`contact\` DROP FOREIGN KEY \`FK_a54f4088bd2e596cc15c1f7aa3d\``);
    await queryRunner.query(`DROP INDEX \`IDX_65c21cadcca5d37576ac189444\` ON \`stage_node\``);
    await queryRunner.query(`DROP TABLE \`stage_node\``);
    await queryRunner.query(`DROP TABLE \`stage\``);
    await queryRunner.query(`DROP INDEX \`IDX_f9f62556c7092913f2a0697505\` ON \`contact\``);
    await queryRunner.query(`DROP INDEX \`IDX_a54f4088bd2e596cc15c1f7aa3\` ON \`contact\``);
    await queryRunner.query(`DROP TABLE \`contact\``);
    await queryRunner.query(`DROP INDEX \`IDX_4aac832051601835e598ff57c1\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_eb5cae0d9a5b7be5920a078c2c\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_5588a70b14134b2996f58386ad\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_a95e40a440dd90f0501baf50ca\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_e8acaba692c775271a830954c1\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_ab3327d80da8055f5226eb85c1\` ON \`customer\``);
    await queryRunner.query(`DROP TABLE \`customer\``);
  }
}
