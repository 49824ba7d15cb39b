import { MigrationInterface, QueryRunner } from 'typeorm';

export class StockTransfersDisputes1795437943965 implements MigrationInterface {
  name = 'StockTransfersDisputes1795437943965';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`flag_dispute\` (\`id\` varchar(36) NOT NULL, \`receiptId\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`receiptNumber\` varchar(64) NOT NULL, \`comment\` varchar(1000) NOT NULL, \`evidenceNote\` varchar(500) NULL, \`evidenceSha256\` varchar(64) NULL, \`evidenceMimeType\` varchar(16) NULL, \`evidenceBytes\` int NULL, \`status\` varchar(16) NOT NULL, \`raisedBy\` varchar(36) NOT NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`decisionNote\` varchar(500) NULL, \`decidedBy\` varchar(36) NULL, \`decidedAt\` datetime NULL, INDEX \`IDX_138094ee3bcdc9b3e9ca9b4d01\` (\`receiptId\`), INDEX \`IDX_70b34c82beb092be76d32ac946\` (\`status\`, \`createdAt\`), INDEX \`IDX_92bca8aeeb5ade3504b6e051f2\` (\`dealerId\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stock_upload\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`isoWeek\` varchar(8) NOT NULL, \`contentHash\` varchar(64) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`lineCount\` int NOT NULL, \`skuCount\` int NOT NULL, \`totalQuantity\` int NOT NULL, \`version\` int NOT NULL DEFAULT '1', \`uploadedBy\` varchar(36) NULL, \`uploadedAt\` datetime NOT NULL, UNIQUE INDEX \`UQ_stock_upload_dealer_week\` (\`dealerId\`, \`isoWeek\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stock_line\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`isoWeek\` varchar(8) NOT NULL, \`skuCode\` varchar(32) NOT NULL, \`batch\` varchar(32) NOT NULL DEFAULT '', \`warehouse\` varchar(32) NOT NULL, \`quantity\` int NOT NULL, UNIQUE INDEX \`UQ_stock_line_place\` (\`dealerId\`, \`isoWeek\`, \`skuCode\`, \`batch\`, \`warehouse\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stock_threshold\` (\`id\` varchar(36) NOT NULL, \`productLine\` varchar(16) NOT NULL, \`coverWeeksAbove\` decimal(6,1) NOT NULL, \`noSalesWeeks\` int NOT NULL, \`shortCoverWeeks\` decimal(6,1) NOT NULL, \`targetCoverWeeks\` decimal(6,1) NOT NULL, UNIQUE INDEX \`UQ_stock_threshold_line\` (\`productLine\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`stock_transfer\` (\`id\` varchar(36) NOT NULL, \`fromDealerId\` varchar(36) NOT NULL, \`toDealerId\` varchar(36) NOT NULL, \`fromDealerCode\` varchar(16) NOT NULL, \`fromDealerName\` varchar(128) NOT NULL, \`toDealerCode\` varchar(16) NOT NULL, \`toDealerName\` varchar(128) NOT NULL, \`skuCode\` varchar(32) NOT NULL, \`quantity\` int NOT NULL, \`status\` varchar(16) NOT NULL, \`note\` varchar(255) NULL, \`decisionNote\` varchar(255) NULL, \`proposedBy\` varchar(36) NOT NULL, \`proposedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`decidedBy\` varchar(36) NULL, \`decidedAt\` datetime NULL, INDEX \`IDX_eedc26e758520c469f12d902ee\` (\`toDealerId\`, \`proposedAt\`), INDEX \`IDX_0a1c8b7ca6dd5d166de35d7623\` (\`fromDealerId\`, \`proposedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`sell_through_receipt\` ADD \`flagStatus\` varchar(16) NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`sell_through_receipt\` DROP COLUMN \`flagStatus\``);
    await queryRunner.query(`DROP INDEX \`IDX_0a1c8b7ca6dd5d166de35d7623\` ON \`stock_transfer\``);
    await queryRunner.query(`DROP INDEX \`IDX_eedc26e758520c469f12d902ee\` ON \`stock_transfer\``);
    await queryRunner.query(`DROP TABLE \`stock_transfer\``);
    await queryRunner.query(`DROP INDEX \`UQ_stock_threshold_line\` ON \`stock_threshold\``);
    await queryRunner.query(`DROP TABLE \`stock_threshold\``);
    await queryRunner.query(`DROP INDEX \`UQ_stock_line_place\` ON \`stock_line\``);
    await queryRunner.query(`DROP TABLE \`stock_line\``);
    await queryRunner.query(`DROP INDEX \`UQ_stock_upload_dealer_week\` ON \`stock_upload\``);
    await queryRunner.query(`DROP TABLE \`stock_upload\``);
    await queryRunner.query(`DROP INDEX \`IDX_92bca8aeeb5ade3504b6e051f2\` ON \`flag_dispute\``);
    await queryRunner.query(`DROP INDEX \`IDX_70b34c82beb092be76d32ac946\` ON \`flag_dispute\``);
    await queryRunner.query(`DROP INDEX \`IDX_138094ee3bcdc9b3e9ca9b4d01\` ON \`flag_dispute\``);
    await queryRunner.query(`DROP TABLE \`flag_dispute\``);
  }
}
