import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795428035173 implements MigrationInterface {
  name = 'Initial1795428035173';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE \`contract\` (\`id\` varchar(36) NOT NULL, \`number\` varchar(16) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`region\` varchar(16) NOT NULL, \`amount\` decimal(14,2) NOT NULL, \`currency\` varchar(3) NOT NULL DEFAULT 'CNY', \`grossMargin\` decimal(5,4) NOT NULL, \`status\` varchar(16) NOT NULL, \`paymentTerms\` varchar(128) NOT NULL, \`firstPaymentDueDate\` date NULL, \`signedAt\` datetime NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_86b89a6d689f50beb08b0537f6\` (\`number\`), INDEX \`IDX_f0f54d007f6e1a05b49695b321\` (\`region\`), INDEX \`IDX_a45df5a99d61f11c78719bd612\` (\`ownerId\`), INDEX \`IDX_936abe955fb4bf453631ba04de\` (\`customerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
    await queryRunner.query(`CREATE TABLE \`requirement_ticket\` (\`id\` varchar(36) NOT NULL, \`number\` varchar(16) NOT NULL, \`customerId\` varchar(36) NOT NULL, \`ownerId\` varchar(36) NOT NULL, \`region\` varchar(16) NOT NULL, \`urgency\` varchar(8) NOT NULL, \`requestedDeliveryDate\` date NULL, \`status\` varchar(16) NOT NULL, \`material\` varchar(64) NULL, \`tolerance\` varchar(64) NULL, \`surfaceTreatment\` varchar(64) NULL, \`dimensions\` varchar(128) NULL, \`quantity\` int NULL, \`hardness\` varchar(32) NULL, \`unitWeight\` varchar(32) NULL, \`packaging\` varchar(128) NULL, \`certificationStandard\` varchar(128) NULL, \`inspectionStandard\` varchar(128) NULL, \`colour\` varchar(32) NULL, \`craftNotes\` text NULL, \`createdAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6), \`updatedAt\` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6) ON UPDATE CURRENT_TIMESTAMP(6), UNIQUE INDEX \`IDX_75a2c260e6dac2004a0f3e89b3\` (\`number\`), INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` (\`status\`), INDEX \`IDX_be46bf241a26f1c039ae813a13\` (\`region\`), INDEX \`IDX_1efefd3db4d16505aaeb44a89c\` (\`ownerId\`), INDEX \`IDX_703dfdea3ef2a9135f0b5ce303\` (\`customerId\`), PRIMARY KEY (\`id\`)) ENGINE=InnoDB`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_703dfdea3ef2a9135f0b5ce303\` ON \`requirement_ticket\``);
    await queryRunner.query(`DROP INDEX \`IDX_1efefd3db4d16505aaeb44a89c\` ON \`requirement_ticket\``);
    await queryRunner.query(`DROP INDEX \`IDX_be46bf241a26f1c039ae813a13\` ON \`requirement_ticket\``);
    await queryRunner.query(`DROP INDEX \`IDX_5d2b393160b0e1de3f31352a3a\` ON \`requirement_ticket\``);
    await queryRunner.query(`DROP INDEX \`IDX_75a2c260e6dac2004a0f3e89b3\` ON \`requirement_ticket\``);
    await queryRunner.query(`DROP TABLE \`requirement_ticket\``);
    await queryRunner.query(`DROP INDEX \`IDX_936abe955fb4bf453631ba04de\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_a45df5a99d61f11c78719bd612\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_f0f54d007f6e1a05b49695b321\` ON \`contract\``);
    await queryRunner.query(`DROP INDEX \`IDX_86b89a6d689f50beb08b0537f6\` ON \`contract\``);
    await queryRunner.query(`DROP TABLE \`contract\``);
  }
}
