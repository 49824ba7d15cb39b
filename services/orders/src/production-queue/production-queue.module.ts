import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Contract } from '../contract/contract.entity';
import { ProductionQueueResolver } from './production-queue.resolver';
import { ProductionQueueService } from './production-queue.service';

/** The capacity priority queue (PRODUCT.md §3 "high-margin orders go first"). */
@Module({
  imports: [TypeOrmModule.forFeature([Contract])],
  providers: [ProductionQueueService, ProductionQueueResolver],
})
export class ProductionQueueModule {}
