import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalyticsIndexes1795437491162 implements MigrationInterface {
  name = 'AnalyticsIndexes1795437491162';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE INDEX \`IDX_customer_region_stage\` ON \`customer\` (\`region\`, \`industry\`, \`stage\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_customer_industry_stage\` ON \`customer\` (\`industry\`, \`stage\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_customer_owner_stage\` ON \`customer\` (\`ownerId\`, \`stage\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_customer_next_action\` ON \`customer\` (\`nextActionDate\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_follow_up_created\` ON \`follow_up\` (\`createdAt\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_follow_up_created\` ON \`follow_up\``);
    await queryRunner.query(`DROP INDEX \`IDX_customer_next_action\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_customer_owner_stage\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_customer_industry_stage\` ON \`customer\``);
    await queryRunner.query(`DROP INDEX \`IDX_customer_region_stage\` ON \`customer\``);
  }
}
