import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Dealer } from './dealer.entity';
import { DealerContact } from './dealer-contact.entity';
import { Territory } from './territory.entity';
import { DealerService } from './dealer.service';
import { DealerResolver } from './dealer.resolver';
import { DealerEditService } from './dealer-edit.service';
import { DealerEditResolver } from './dealer-edit.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Dealer, DealerContact, Territory])],
  providers: [DealerService, DealerResolver, DealerEditService, DealerEditResolver],
  exports: [DealerService],
})
export class DealerModule {}
