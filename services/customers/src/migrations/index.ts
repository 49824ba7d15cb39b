import type { MigrationClassList } from '@lianxiao/platform';
/** MySQL migrations in order; generated with `npm run migration:generate -- customers <Name>`. */
import { CreateCustomerMaster1795428025008 } from './1795428025008-CreateCustomerMaster';

export const migrations: MigrationClassList = [CreateCustomerMaster1795428025008];
