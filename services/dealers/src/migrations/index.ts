/** MySQL migrations in order; generated with `npm run migration:generate -- dealers <Name>`. */
import type { MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428045270 } from './1795428045270-InitialSchema';
import { SellThroughTargetsCatalogue1795429093811 } from './1795429093811-SellThroughTargetsCatalogue';

export const migrations: MigrationClassList = [InitialSchema1795428045270, SellThroughTargetsCatalogue1795429093811];
