import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- incentives <Name>`. */
import { Initial1795428036065 } from './1795428036065-Initial';

export const migrations: MigrationClassList = [Initial1795428036065];
