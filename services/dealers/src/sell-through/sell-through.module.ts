import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { SellThroughReceipt } from './sell-through-receipt.entity';
import { SellThroughService } from './sell-through.service';
import { SellThroughResolver } from './sell-through.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([SellThroughReceipt])],
  providers: [SellThroughService, SellThroughResolver],
})
export class SellThroughModule {}
