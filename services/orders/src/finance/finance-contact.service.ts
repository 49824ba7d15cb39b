import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Caller, DomainError, ErrorDetail } from '@lianxiao/platform';
import { CustomerFinanceContact } from './customer-finance-contact.entity';
import { SetCustomerFinanceContactInput } from './finance.dto';
import { applyRegionScope } from './finance-scope';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

@Injectable()
export class FinanceContactService {
  constructor(private readonly db: DataSource) {}

  list(caller: Caller, search?: string): Promise<CustomerFinanceContact[]> {
    const qb = applyRegionScope(this.db.getRepository(CustomerFinanceContact).createQueryBuilder('c'), 'c', caller);
    if (search?.trim()) qb.andWhere('(c.customerName LIKE :q OR c.email LIKE :q)', { q: `%${search.trim()}%` });
    return qb.orderBy('c.customerName', 'ASC').take(200).getMany();
  }

  async set(input: SetCustomerFinanceContactInput): Promise<CustomerFinanceContact> {
    const problems: ErrorDetail[] = [];
    if (!EMAIL.test(input.email.trim()) || input.email.length > 200) problems.push({ field: 'email', messageZh: '邮箱格式不正确', messageEn: 'email is not a valid address' });
    if (!input.customerName.trim() || input.customerName.length > 100) problems.push({ field: 'customerName', messageZh: '客户名称须为 1–100 个字符', messageEn: 'customerName must be 1–100 characters' });
    if (!input.contactName.trim() || input.contactName.length > 64) problems.push({ field: 'contactName', messageZh: '联系人须为 1–64 个字符', messageEn: 'contactName must be 1–64 characters' });
    if (!input.region.trim() || input.region.length > 16) problems.push({ field: 'region', messageZh: '大区须为 1–16 个字符', messageEn: 'region must be 1–16 characters' });
    if (problems.length) throw DomainError.validation(problems);
    const repo = this.db.getRepository(CustomerFinanceContact);
    await repo.save(repo.create({ customerId: input.customerId, customerName: input.customerName.trim(), region: input.region.trim(), contactName: input.contactName.trim(), email: input.email.trim() }));
    return repo.findOneByOrFail({ customerId: input.customerId });
  }
}
