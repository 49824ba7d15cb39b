import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- incentives <Name>`. */
export const migrations: MigrationClassList = [];
