import { MigrationInterface, QueryRunner } from 'typeorm';

/** OIDC users: the external issuer and subject a local user is linked to. */
export class UserExternalIdentity1795970000000 implements MigrationInterface {
  name = 'UserExternalIdentity1795970000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE `app_user` ADD `externalIssuer` varchar(200) NULL, ADD `externalSubject` varchar(200) NULL');
    await queryRunner.query('CREATE UNIQUE INDEX `UQ_app_user_external` ON `app_user` (`externalIssuer`, `externalSubject`)');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX `UQ_app_user_external` ON `app_user`');
    await queryRunner.query('ALTER TABLE `app_user` DROP COLUMN `externalSubject`, DROP COLUMN `externalIssuer`');
  }
}
