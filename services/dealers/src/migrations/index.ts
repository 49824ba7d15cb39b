import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- dealers <Name>`. */
export const migrations: MigrationClassList = [];
