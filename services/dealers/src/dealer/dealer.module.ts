import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Dealer } from './dealer.entity';
import { Territory } from './territory.entity';
import { DealerService } from './dealer.service';
import { DealerResolver } from './dealer.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Dealer, Territory])],
  providers: [DealerService, DealerResolver],
  exports: [DealerService],
})
export class DealerModule {}
