/** MySQL migrations in order; generated with `npm run migration:generate -- customers <Name>`. */
import type { MigrationClassList } from '@lianxiao/platform';
import { CreateCustomerMaster1795428025008 } from './1795428025008-CreateCustomerMaster';
import { StagePipeline1795429279027 } from './1795429279027-StagePipeline';

export const migrations: MigrationClassList = [CreateCustomerMaster1795428025008, StagePipeline1795429279027];
