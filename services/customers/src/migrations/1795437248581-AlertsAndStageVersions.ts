import { MigrationInterface, QueryRunner } from 'typeorm';

/** Stage-model versions, alert rules / alerts / deliveries, the in-app inbox and the ERP customer master (issue 6 items 2, 7; issue 7 item 11). */

export class AlertsAndStageVersions1795437248581 implements MigrationInterface {
  name = 'AlertsAndStageVersions1795437248581';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`stage_model_version\` (\`version\` int NOT NULL, \`effectiveFrom\` datetime(3) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`createdBy\` varchar(36) NULL, \`note\` varchar(500) NULL, \`stages\` text NOT NULL, PRIMARY KEY (\`version\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert\` (\`id\` varchar(36) NOT NULL, \`ruleCode\` varchar(32) NOT NULL, \`severity\` varchar(8) NOT NULL, \`kind\` varchar(8) NOT NULL, \`subjectType\` varchar(16) NOT NULL, \`subjectId\` varchar(64) NOT NULL, \`subjectName\` varchar(128) NOT NULL, \`customerId\` varchar(36) NULL, \`ownerId\` varchar(36) NULL, \`region\` varchar(16) NULL, \`titleZh\` varchar(200) NOT NULL, \`titleEn\` varchar(200) NOT NULL, \`detailZh\` text NOT NULL, \`detailEn\` text NOT NULL, \`dedupeKey\` varchar(160) NOT NULL, \`openKey\` varchar(160) NULL, \`raisedAt\` datetime(3) NOT NULL, \`asOf\` datetime(3) NOT NULL, \`resolvedAt\` datetime(3) NULL, \`acknowledgedAt\` datetime(3) NULL, \`acknowledgedBy\` varchar(36) NULL, \`recipientIds\` text NOT NULL, INDEX \`IDX_b88695565fb45c02a7ef3a36f0\` (\`ruleCode\`), INDEX \`IDX_23bc47457720d27f6785931ef1\` (\`customerId\`), INDEX \`IDX_69c820a1a967702501bbb7b6fe\` (\`ownerId\`), UNIQUE INDEX \`UQ_alert_open_key\` (\`openKey\`), INDEX \`IDX_62490d23cea576c8bc27240a18\` (\`region\`, \`raisedAt\`), INDEX \`IDX_39e109e4b144cb235bf3a36b7f\` (\`subjectType\`, \`subjectId\`, \`raisedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_rule\` (\`code\` varchar(32) NOT NULL, \`nameZh\` varchar(64) NOT NULL, \`nameEn\` varchar(128) NOT NULL, \`severity\` varchar(8) NOT NULL, \`threshold\` double NOT NULL, \`unit\` varchar(16) NOT NULL, \`enabled\` tinyint NOT NULL DEFAULT 1, \`channels\` text NOT NULL, \`wecomWebhookUrl\` varchar(500) NULL, \`dingtalkWebhookUrl\` varchar(500) NULL, \`dingtalkSecret\` varchar(200) NULL, \`emailTo\` text NOT NULL, \`updatedBy\` varchar(36) NULL, \`updatedAt\` datetime(3) NOT NULL, PRIMARY KEY (\`code\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`alert_delivery\` (\`id\` varchar(36) NOT NULL, \`alertId\` varchar(36) NOT NULL, \`channel\` varchar(8) NOT NULL, \`target\` varchar(255) NOT NULL, \`status\` varchar(8) NOT NULL, \`error\` text NULL, \`at\` datetime(3) NOT NULL, INDEX \`IDX_fbb1913548e13fd18d991ef34b\` (\`alertId\`, \`channel\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`inbox_item\` (\`id\` varchar(36) NOT NULL, \`userId\` varchar(36) NOT NULL, \`kind\` varchar(8) NOT NULL, \`alertId\` varchar(36) NULL, \`customerId\` varchar(36) NULL, \`severity\` varchar(8) NOT NULL, \`titleZh\` varchar(200) NOT NULL, \`titleEn\` varchar(200) NOT NULL, \`bodyZh\` text NOT NULL, \`bodyEn\` text NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`readAt\` datetime(3) NULL, INDEX \`IDX_569ddc5cf59b33f3bcaec15c2b\` (\`alertId\`), INDEX \`IDX_126ebb46a6cba676ad84150603\` (\`userId\`, \`readAt\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`erp_customer_master\` (\`customerId\` varchar(36) NOT NULL, \`erpCustomerCode\` varchar(32) NOT NULL, \`creditCode\` varchar(18) NOT NULL, \`latestContactName\` varchar(64) NOT NULL, \`latestContactPhone\` varchar(32) NOT NULL, \`latestContactTitle\` varchar(64) NULL, \`validContractAmount\` decimal(14,2) NOT NULL, \`currency\` varchar(3) NOT NULL, \`erpUpdatedAt\` datetime(3) NOT NULL, \`receivedAt\` datetime(3) NOT NULL, \`eventId\` varchar(36) NOT NULL, PRIMARY KEY (\`customerId\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE \`erp_customer_master\``);
    await queryRunner.query(`DROP INDEX \`IDX_126ebb46a6cba676ad84150603\` ON \`inbox_item\``);
    await queryRunner.query(`DROP INDEX \`IDX_569ddc5cf59b33f3bcaec15c2b\` ON \`inbox_item\``);
    await queryRunner.query(`DROP TABLE \`inbox_item\``);
    await queryRunner.query(`DROP INDEX \`IDX_fbb1913548e13fd18d991ef34b\` ON \`alert_delivery\``);
    await queryRunner.query(`DROP TABLE \`alert_delivery\``);
    await queryRunner.query(`DROP TABLE \`alert_rule\``);
    await queryRunner.query(`DROP INDEX \`IDX_39e109e4b144cb235bf3a36b7f\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`IDX_62490d23cea576c8bc27240a18\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`UQ_alert_open_key\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`IDX_69c820a1a967702501bbb7b6fe\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`IDX_23bc47457720d27f6785931ef1\` ON \`alert\``);
    await queryRunner.query(`DROP INDEX \`IDX_b88695565fb45c02a7ef3a36f0\` ON \`alert\``);
    await queryRunner.query(`DROP TABLE \`alert\``);
    await queryRunner.query(`DROP TABLE \`stage_model_version\``);
  }
}
