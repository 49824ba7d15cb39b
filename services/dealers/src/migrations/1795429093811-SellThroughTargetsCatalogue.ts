import { MigrationInterface, QueryRunner } from 'typeorm';

export class SellThroughTargetsCatalogue1795429093811 implements MigrationInterface {
  name = 'SellThroughTargetsCatalogue1795429093811';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`sku\` (\`id\` varchar(36) NOT NULL, \`code\` varchar(32) NOT NULL, \`name\` varchar(128) NOT NULL, \`productLine\` varchar(16) NOT NULL, \`unit\` varchar(8) NOT NULL, \`price\` decimal(12,2) NOT NULL, UNIQUE INDEX \`UQ_sku_code\` (\`code\`), INDEX \`IDX_d82f87fd3cb319f09da5c1b343\` (\`productLine\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dealer_target\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`annualAmount\` decimal(14,2) NOT NULL, \`setBy\` varchar(36) NULL, \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`UQ_dealer_target_dealer_year\` (\`dealerId\`, \`year\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`dealer_target_split\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`year\` int NOT NULL, \`period\` varchar(3) NOT NULL, \`amount\` decimal(14,2) NOT NULL, UNIQUE INDEX \`UQ_dealer_target_split_period\` (\`dealerId\`, \`year\`, \`period\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`sell_through_receipt\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`skuCode\` varchar(32) NOT NULL, \`quantity\` int NOT NULL, \`unitPrice\` decimal(12,2) NOT NULL, \`endCustomerName\` varchar(128) NOT NULL, \`deliveryProvinceCode\` varchar(6) NOT NULL, \`deliveryCityCode\` varchar(6) NULL, \`receiptNumber\` varchar(64) NOT NULL, \`imageSha256\` varchar(64) NOT NULL, \`imageMimeType\` varchar(16) NOT NULL, \`imageBytes\` int NOT NULL, \`recordedBy\` varchar(36) NOT NULL, \`recordedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`crossRegionFlag\` tinyint NOT NULL DEFAULT 0, \`flagReason\` varchar(255) NULL, \`flagConfidence\` decimal(3,2) NULL, \`idempotencyKey\` varchar(64) NULL, \`payloadHash\` varchar(64) NOT NULL, UNIQUE INDEX \`UQ_sell_through_receipt_number\` (\`receiptNumber\`), UNIQUE INDEX \`UQ_sell_through_receipt_image\` (\`imageSha256\`), INDEX \`IDX_3392e6fc676f3aeb1c529661fb\` (\`crossRegionFlag\`, \`recordedAt\`), INDEX \`IDX_71c3165627d142444d274a8b06\` (\`dealerId\`, \`recordedAt\`), UNIQUE INDEX \`UQ_sell_through_receipt_idempotency\` (\`dealerId\`, \`idempotencyKey\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`UQ_sell_through_receipt_idempotency\` ON \`sell_through_receipt\``);
    await queryRunner.query(`DROP INDEX \`IDX_71c3165627d142444d274a8b06\` ON \`sell_through_receipt\``);
    await queryRunner.query(`DROP INDEX \`IDX_3392e6fc676f3aeb1c529661fb\` ON \`sell_through_receipt\``);
    await queryRunner.query(`DROP INDEX \`UQ_sell_through_receipt_image\` ON \`sell_through_receipt\``);
    await queryRunner.query(`DROP INDEX \`UQ_sell_through_receipt_number\` ON \`sell_through_receipt\``);
    await queryRunner.query(`DROP TABLE \`sell_through_receipt\``);
    await queryRunner.query(`DROP INDEX \`UQ_dealer_target_split_period\` ON \`dealer_target_split\``);
    await queryRunner.query(`DROP TABLE \`dealer_target_split\``);
    await queryRunner.query(`DROP INDEX \`UQ_dealer_target_dealer_year\` ON \`dealer_target\``);
    await queryRunner.query(`DROP TABLE \`dealer_target\``);
    await queryRunner.query(`DROP INDEX \`IDX_d82f87fd3cb319f09da5c1b343\` ON \`sku\``);
    await queryRunner.query(`DROP INDEX \`UQ_sku_code\` ON \`sku\``);
    await queryRunner.query(`DROP TABLE \`sku\``);
  }
}
