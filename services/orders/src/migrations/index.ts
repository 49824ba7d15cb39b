import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- orders <Name>`. */
import { Initial1795428035173 } from './1795428035173-Initial';

export const migrations: MigrationClassList = [Initial1795428035173];
