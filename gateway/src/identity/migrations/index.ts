/** MySQL migrations in order; generated with `npm run migration:generate -- identity <Name>`. */
import { AuditTables1795960000000, type MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428047007 } from './1795428047007-InitialSchema';
import { UserExternalIdentity1795970000000 } from './1795970000000-UserExternalIdentity';

export const identityMigrations: MigrationClassList = [InitialSchema1795428047007, AuditTables1795960000000, UserExternalIdentity1795970000000];
