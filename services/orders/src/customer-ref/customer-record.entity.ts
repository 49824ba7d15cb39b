import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * Orders' copy of the customer master facts it needs for its events (name, credit code), kept
 * from `customers.customer-updated.v1`. Never written by users; the customers service owns them.
 */
@Entity('customer_record')
export class CustomerRecord {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Column('varchar', { length: 128 }) name: string;
  @Column('varchar', { length: 18 }) creditCode: string;
  @Column('varchar', { length: 16 }) region: string;
  @Column('varchar', { length: 36 }) ownerId: string;
  /** The master's updatedAt of the version held; an older event never overwrites a newer one. */
  @Column('datetime', { precision: 3 }) sourceUpdatedAt: Date;
  @Column('datetime', { precision: 3 }) receivedAt: Date;
}
