import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * "Consumer X has handled event Y", inserted in the same transaction as X's side effect. The
 * primary key makes a second delivery fail on insert, which is how redelivery is detected.
 */
@Entity('inbox_record')
export class InboxRecord {
  @PrimaryColumn('varchar', { length: 100 })
  consumer: string;

  @PrimaryColumn('varchar', { length: 36 })
  eventId: string;

  @Column('varchar', { length: 200 })
  topic: string;

  @Column('datetime', { precision: 3 })
  handledAt: Date;
}
