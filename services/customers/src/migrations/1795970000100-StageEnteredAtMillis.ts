import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stage entry time to the millisecond, like a model version's effectiveFrom: at whole seconds a
 * customer entering a stage in the same second as a new stage-model version was checked against
 * the version before it.
 */
export class StageEnteredAtMillis1795970000100 implements MigrationInterface {
  name = 'StageEnteredAtMillis1795970000100';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`customer\` MODIFY \`stageEnteredAt\` datetime(3) NOT NULL`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE \`customer\` MODIFY \`stageEnteredAt\` datetime NOT NULL`);
  }
}
