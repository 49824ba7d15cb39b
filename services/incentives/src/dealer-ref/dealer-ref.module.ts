import { Module } from '@nestjs/common';
import { PointsModule } from '../points';
import { DealerRefResolver } from './dealer-ref.resolver';

@Module({ imports: [PointsModule], providers: [DealerRefResolver] })
export class DealerRefModule {}
