/** MySQL migrations in order; generated with `npm run migration:generate -- dealers <Name>`. */
import type { MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428045270 } from './1795428045270-InitialSchema';

export const migrations: MigrationClassList = [InitialSchema1795428045270];
