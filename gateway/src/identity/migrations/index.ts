/** MySQL migrations in order; generated with `npm run migration:generate -- identity <Name>`. */
import type { MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428047007 } from './1795428047007-InitialSchema';

export const identityMigrations: MigrationClassList = [InitialSchema1795428047007];
