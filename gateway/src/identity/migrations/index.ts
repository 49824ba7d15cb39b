import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations of the identity database, in order. */
export const identityMigrations: MigrationClassList = [];
