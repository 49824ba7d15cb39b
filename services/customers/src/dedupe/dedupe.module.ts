import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerMerge, CustomerMergeItem } from './customer-merge.entity';
import { DedupeService } from './dedupe.service';
import { DedupeResolver } from './dedupe.resolver';

export const DEDUPE_ENTITIES = [CustomerMerge, CustomerMergeItem];

@Module({
  imports: [TypeOrmModule.forFeature(DEDUPE_ENTITIES)],
  providers: [DedupeService, DedupeResolver],
  exports: [DedupeService],
})
export class DedupeModule {}
