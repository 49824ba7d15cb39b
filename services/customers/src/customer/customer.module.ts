import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StageModule } from '../stage';
import { Customer } from './customer.entity';
import { Contact } from './contact.entity';
import { CustomerService } from './customer.service';
import { ContactService } from './contact.service';
import { CustomerResolver } from './customer.resolver';

@Module({
  imports: [TypeOrmModule.forFeature([Customer, Contact]), StageModule],
  providers: [CustomerService, ContactService, CustomerResolver],
  exports: [CustomerService],
})
export class CustomerModule {}
