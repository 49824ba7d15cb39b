import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SellThroughReceipt } from './sell-through-receipt.entity';
import { SellThroughService } from './sell-through.service';
import { SellThroughResolver } from './sell-through.resolver';
import { FlagDispute } from './flag-dispute.entity';
import { FlagDisputeService } from './flag-dispute.service';
import { FlagDisputeResolver } from './flag-dispute.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([SellThroughReceipt, FlagDispute])],
  providers: [SellThroughService, SellThroughResolver, FlagDisputeService, FlagDisputeResolver],
})
export class SellThroughModule {}
