import { MigrationInterface, QueryRunner } from 'typeorm';

/** Covering indexes for the funnel and heatmap count (working-set columns included) and for time in stage. */
export class AnalyticsCoveringIndexes1795970000000 implements MigrationInterface {
  name = 'AnalyticsCoveringIndexes1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_customer_region_stage\` ON \`customer\``);
    await queryRunner.query(`CREATE INDEX \`IDX_customer_region_stage\` ON \`customer\` (\`region\`, \`industry\`, \`stage\`, \`mergedIntoId\`, \`archivedAt\`)`);
    await queryRunner.query(`CREATE INDEX \`IDX_stage_transition_from_days\` ON \`stage_transition\` (\`fromStage\`, \`daysInPreviousStage\`)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX \`IDX_stage_transition_from_days\` ON \`stage_transition\``);
    await queryRunner.query(`DROP INDEX \`IDX_customer_region_stage\` ON \`customer\``);
    await queryRunner.query(`CREATE INDEX \`IDX_customer_region_stage\` ON \`customer\` (\`region\`, \`industry\`, \`stage\`)`);
  }
}
