import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dedupe (merge records with every moved row, tombstone / archive columns on customer) and import jobs. */
export class DedupeAndImport1795437719107 implements MigrationInterface {
  name = 'DedupeAndImport1795437719107';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`customer_merge\` (\`id\` varchar(36) NOT NULL, \`survivorId\` varchar(36) NOT NULL, \`mergedIds\` text NOT NULL, \`region\` varchar(16) NOT NULL, \`mergedBy\` varchar(36) NOT NULL, \`mergedByName\` varchar(64) NULL, \`mergedAt\` datetime(3) NOT NULL, \`survivorBefore\` text NOT NULL, \`undoneAt\` datetime(3) NULL, \`undoneBy\` varchar(36) NULL, INDEX \`IDX_04eb666a892be6f5d4f2977bc1\` (\`survivorId\`), INDEX \`IDX_626ba1643d2099ba47ea368912\` (\`mergedAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`customer_merge_item\` (\`id\` varchar(36) NOT NULL, \`mergeId\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`rowId\` varchar(36) NOT NULL, \`fromCustomerId\` varchar(36) NOT NULL, INDEX \`IDX_47f660d967bf9640e8b37ef06d\` (\`mergeId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`import_job\` (\`id\` varchar(36) NOT NULL, \`kind\` varchar(16) NOT NULL, \`fileName\` varchar(255) NOT NULL, \`status\` varchar(16) NOT NULL, \`sizeBytes\` int NOT NULL, \`receivedBytes\` int NOT NULL, \`chunkHashes\` text NOT NULL, \`region\` varchar(16) NULL, \`totalRows\` int NOT NULL DEFAULT '0', \`processedRows\` int NOT NULL DEFAULT '0', \`errorCount\` int NOT NULL DEFAULT '0', \`errors\` text NOT NULL, \`committedRows\` int NOT NULL DEFAULT '0', \`failureZh\` varchar(500) NULL, \`failureEn\` varchar(500) NULL, \`createdBy\` varchar(36) NOT NULL, \`createdAt\` datetime(3) NOT NULL, \`finishedAt\` datetime(3) NULL, INDEX \`IDX_31921929b9b3a5b3d4443cb166\` (\`createdBy\`, \`createdAt\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`customer\` ADD \`mergedIntoId\` varchar(36) NULL`);
    await queryRunner.query(`ALTER TABLE \`customer\` ADD \`archivedAt\` datetime NULL`);
    await queryRunner.query(`CREATE INDEX \`IDX_92c3113c614e8905df1c934d0c\` ON \`customer\` (\`mergedIntoId\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_92c3113c614e8905df1c934d0c\` ON \`customer\``);
    await queryRunner.query(`ALTER TABLE \`customer\` DROP COLUMN \`archivedAt\``);
    await queryRunner.query(`ALTER TABLE \`customer\` DROP COLUMN \`mergedIntoId\``);
    await queryRunner.query(`DROP INDEX \`IDX_31921929b9b3a5b3d4443cb166\` ON \`import_job\``);
    await queryRunner.query(`DROP TABLE \`import_job\``);
    await queryRunner.query(`DROP INDEX \`IDX_47f660d967bf9640e8b37ef06d\` ON \`customer_merge_item\``);
    await queryRunner.query(`DROP TABLE \`customer_merge_item\``);
    await queryRunner.query(`DROP INDEX \`IDX_626ba1643d2099ba47ea368912\` ON \`customer_merge\``);
    await queryRunner.query(`DROP INDEX \`IDX_04eb666a892be6f5d4f2977bc1\` ON \`customer_merge\``);
    await queryRunner.query(`DROP TABLE \`customer_merge\``);
  }
}
