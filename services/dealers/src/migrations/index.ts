/** MySQL migrations in order; generated with `npm run migration:generate -- dealers <Name>`. */
import { EventBackbone1795900000000, type MigrationClassList } from '@lianxiao/platform';
import { InitialSchema1795428045270 } from './1795428045270-InitialSchema';
import { SellThroughTargetsCatalogue1795429093811 } from './1795429093811-SellThroughTargetsCatalogue';

export const migrations: MigrationClassList = [InitialSchema1795428045270, SellThroughTargetsCatalogue1795429093811, EventBackbone1795900000000];
