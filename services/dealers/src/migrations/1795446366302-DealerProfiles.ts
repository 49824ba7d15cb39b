import { MigrationInterface, QueryRunner } from 'typeorm';

/** Dealer contacts (several per dealer, main contact first), address and status; existing dealers keep their contact as the main one. */
export class DealerProfiles1795446366302 implements MigrationInterface {
  name = 'DealerProfiles1795446366302';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`dealer_contact\` (\`id\` varchar(36) NOT NULL, \`dealerId\` varchar(36) NOT NULL, \`name\` varchar(64) NOT NULL, \`title\` varchar(64) NULL, \`phone\` varchar(32) NOT NULL, \`email\` varchar(128) NULL, \`position\` int NOT NULL, INDEX \`IDX_1046d90917488f5d869a8db62c\` (\`dealerId\`, \`position\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`ALTER TABLE \`dealer\` ADD \`address\` varchar(255) NULL`);
    await queryRunner.query(`ALTER TABLE \`dealer\` ADD \`status\` varchar(16) NOT NULL DEFAULT 'ACTIVE'`);
    await queryRunner.query(`ALTER TABLE \`dealer_contact\` ADD CONSTRAINT \`FK_fd835d54bcc7fdc3d85e86e31fc\` FOREIGN KEY (\`dealerId\`) REFERENCES \`dealer\`(\`id\`) ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`INSERT INTO \`dealer_contact\` (\`id\`, \`dealerId\`, \`name\`, \`title\`, \`phone\`, \`email\`, \`position\`) SELECT UUID(), \`id\`, \`contactName\`, NULL, \`phone\`, NULL, 0 FROM \`dealer\``);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`dealer_contact\` DROP FOREIGN KEY \`FK_fd835d54bcc7fdc3d85e86e31fc\``);
    await queryRunner.query(`ALTER TABLE \`dealer\` DROP COLUMN \`status\``);
    await queryRunner.query(`ALTER TABLE \`dealer\` DROP COLUMN \`address\``);
    await queryRunner.query(`DROP INDEX \`IDX_1046d90917488f5d869a8db62c\` ON \`dealer_contact\``);
    await queryRunner.query(`DROP TABLE \`dealer_contact\``);
  }
}
