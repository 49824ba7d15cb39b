import { MigrationInterface, QueryRunner } from 'typeorm';

export class ContractSignal1795437841474 implements MigrationInterface {
  name = 'ContractSignal1795437841474';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`contract_signal\` (\`contractId\` varchar(36) NOT NULL, \`contractNumber\` varchar(32) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`eventId\` varchar(36) NOT NULL, \`signedAt\` datetime(3) NOT NULL, \`outcome\` varchar(16) NOT NULL, \`reasonZh\` varchar(500) NULL, \`reasonEn\` varchar(500) NULL, \`receivedAt\` datetime(3) NOT NULL, \`processedAt\` datetime(3) NULL, INDEX \`IDX_415770e71b390d795c0c43f0bf\` (\`customerId\`), PRIMARY KEY (\`contractId\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_415770e71b390d795c0c43f0bf\` ON \`contract_signal\``);
    await queryRunner.query(`DROP TABLE \`contract_signal\``);
  }
}
