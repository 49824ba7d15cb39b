import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CustomerHealth } from './customer-health.entity';
import { CustomerHealthService } from './customer-health.service';
import { CustomerHealthResolver } from './customer-health.resolver';
import { CustomerHealthOwnerResolver } from './customer-health-owner.resolver';
import { CustomerHealthConsumer } from './customer-health.consumer';

@Module({
  imports: [TypeOrmModule.forFeature([CustomerHealth])],
  providers: [CustomerHealthService, CustomerHealthResolver, CustomerHealthOwnerResolver, CustomerHealthConsumer],
})
export class CustomerHealthModule {}
