import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, Repository } from 'typeorm';
import { Caller, DomainError, newId } from '@lianxiao/platform';
import { Contact } from './contact.entity';
import { ContactInput } from './customer.dto';
import { checkContactFields } from './customer-input-rules';
import { CustomerService } from './customer.service';

@Injectable()
export class ContactService {
  constructor(
    @InjectRepository(Contact) private readonly contacts: Repository<Contact>,
    private readonly customerService: CustomerService,
    private readonly db: DataSource,
  ) {}

  /** Contacts of many customers in one query, primary contact first. */
  findByCustomerIds(customerIds: readonly string[]): Promise<Contact[]> {
    return this.contacts.find({ where: { customerId: In([...customerIds]) }, order: { isPrimary: 'DESC', createdAt: 'ASC', name: 'ASC' } });
  }

  /** Adds a contact to a customer the caller may see; a new primary contact replaces the old one. */
  async add(caller: Caller, customerId: string, input: ContactInput): Promise<Contact> {
    const check = checkContactFields(input);
    if (!check.ok) throw DomainError.validation(check.details);
    await this.customerService.findForCaller(caller, customerId);
    const contact: Contact = { id: newId(), customerId, ...check.value, createdAt: new Date() };
    await this.db.transaction(async (tx) => {
      if (contact.isPrimary) await tx.getRepository(Contact).update({ customerId, isPrimary: true }, { isPrimary: false });
      await tx.getRepository(Contact).insert(contact);
    });
    return this.contacts.findOneByOrFail({ id: contact.id });
  }
}
