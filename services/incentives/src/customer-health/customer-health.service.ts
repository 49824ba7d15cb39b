import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { CustomerHealth } from './customer-health.entity';

@Injectable()
export class CustomerHealthService {
  constructor(@InjectRepository(CustomerHealth) private readonly health: Repository<CustomerHealth>) {}

  /** Health rows of many customers in one query. */
  findByCustomerIds(customerIds: readonly string[]): Promise<CustomerHealth[]> {
    return this.health.find({ where: { customerId: In([...customerIds]) } });
  }
}
