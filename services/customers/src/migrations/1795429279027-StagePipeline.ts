import { MigrationInterface, QueryRunner } from 'typeorm';

export class StagePipeline1795429279027 implements MigrationInterface {
  name = 'StagePipeline1795429279027';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`evidence\` (\`id\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`stageCode\` varchar(16) NOT NULL, \`type\` varchar(32) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`mimeType\` varchar(64) NOT NULL, \`sizeBytes\` int NOT NULL, \`sha256\` varchar(64) NOT NULL, \`watermarkAt\` datetime(3) NULL, \`duplicateOfCustomerId\` varchar(36) NULL, \`uploadedBy\` varchar(36) NOT NULL, \`uploadedAt\` datetime(3) NOT NULL, INDEX \`IDX_c5634a775d5b27317434a8c635\` (\`sha256\`), INDEX \`IDX_008e1e628ba8d5972846b7e041\` (\`customerId\`, \`uploadedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`node_completion\` (\`id\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`nodeCode\` varchar(32) NOT NULL, \`completedBy\` varchar(36) NOT NULL, \`completedAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_5c6e1db2ff8076e5cae7c15fb0\` (\`customerId\`, \`nodeCode\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stage_transition\` (\`id\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`fromStage\` varchar(16) NOT NULL, \`toStage\` varchar(16) NOT NULL, \`movedBy\` varchar(36) NOT NULL, \`movedAt\` datetime(3) NOT NULL, \`daysInPreviousStage\` decimal(9,2) NOT NULL, INDEX \`IDX_749f3c29201a8bd61be0fe6387\` (\`customerId\`, \`movedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`follow_up\` (\`id\` varchar(36) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`type\` varchar(8) NOT NULL, \`summary\` text NOT NULL, \`obstacle\` varchar(500) NULL, \`nextAction\` varchar(500) NULL, \`nextActionDate\` date NULL, \`latitude\` double NULL, \`longitude\` double NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`editedBy\` varchar(36) NULL, \`editedAt\` datetime(3) NULL, \`version\` int NOT NULL, INDEX \`IDX_b9cc71d791825d9894bc801c81\` (\`customerId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`follow_up_version\` (\`id\` varchar(36) NOT NULL, \`followUpId\` varchar(36) NOT NULL, \`version\` int NOT NULL, \`type\` varchar(8) NOT NULL, \`summary\` text NOT NULL, \`obstacle\` varchar(500) NULL, \`nextAction\` varchar(500) NULL, \`nextActionDate\` date NULL, \`latitude\` double NULL, \`longitude\` double NULL, \`authoredBy\` varchar(36) NOT NULL, \`authoredAt\` datetime(3) NOT NULL, UNIQUE INDEX \`IDX_8436b7c94ac6570000c9de07ca\` (\`followUpId\`, \`version\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`stage\` ADD \`optional\` tinyint NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE \`stage\` ADD \`entryConditions\` text NULL`);
    await queryRunner.query(`ALTER TABLE \`stage\` ADD \`exitConditions\` text NULL`);
    // Data: the default conditions (PRODUCT.md §2) for stage rows seeded before conditions existed.
    await queryRunner.query(`UPDATE \`stage\` SET \`optional\` = 1, \`entryConditions\` = '{"requiredNodes":["TECH_ALIGNED"],"requiredFields":[],"requiredEvidence":["SAMPLE_TEST_REPORT"]}' WHERE \`code\` = 'TRIAL' AND \`entryConditions\` IS NULL`);
    await queryRunner.query(`UPDATE \`stage\` SET \`entryConditions\` = '{"requiredNodes":[],"requiredFields":[],"requiredEvidence":["CONTRACT_SEAL_SCAN","SIGNATURE_PAGE_CLOSEUP"]}' WHERE \`code\` = 'CONTRACT' AND \`entryConditions\` IS NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`stage\` DROP COLUMN \`exitConditions\``);
    await queryRunner.query(`ALTER TABLE \`stage\` DROP COLUMN \`entryConditions\``);
    await queryRunner.query(`ALTER TABLE \`stage\` DROP COLUMN \`optional\``);
    await queryRunner.query(`DROP INDEX \`IDX_8436b7c94ac6570000c9de07ca\` ON \`follow_up_version\``);
    await queryRunner.query(`DROP TABLE \`follow_up_version\``);
    await queryRunner.query(`DROP INDEX \`IDX_b9cc71d791825d9894bc801c81\` ON \`follow_up\``);
    await queryRunner.query(`DROP TABLE \`follow_up\``);
    await queryRunner.query(`DROP INDEX \`IDX_749f3c29201a8bd61be0fe6387\` ON \`stage_transition\``);
    await queryRunner.query(`DROP TABLE \`stage_transition\``);
    await queryRunner.query(`DROP INDEX \`IDX_5c6e1db2ff8076e5cae7c15fb0\` ON \`node_completion\``);
    await queryRunner.query(`DROP TABLE \`node_completion\``);
    await queryRunner.query(`DROP INDEX \`IDX_008e1e628ba8d5972846b7e041\` ON \`evidence\``);
    await queryRunner.query(`DROP INDEX \`IDX_c5634a775d5b27317434a8c635\` ON \`evidence\``);
    await queryRunner.query(`DROP TABLE \`evidence\``);
  }
}
