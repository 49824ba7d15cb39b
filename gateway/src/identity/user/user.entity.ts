import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { Column, CreateDateColumn, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Someone who signs in: HQ staff or a dealer's staff member. */
@ObjectType({ description: 'A person who signs in / 用户' })
@Directive('@key(fields: "id")')
@Entity('app_user')
@Index('UQ_app_user_external', ['externalIssuer', 'externalSubject'], { unique: true })
export class User {
  @Field(() => ID) @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Field() @Index({ unique: true }) @Column('varchar', { length: 64 }) username: string;
  @Field() @Column('varchar', { length: 128 }) displayName: string;
  @Column('varchar', { length: 100 }) passwordHash: string;
  @Field(() => [String], { description: 'ADMIN, DIRECTOR, SUPERVISOR, REP, ENGINEER, PROCUREMENT, PRODUCTION, LEGAL, FINANCE, DEALER' })
  @Column('simple-json')
  roles: string[];
  @Field(() => String, { nullable: true }) @Column('varchar', { length: 16, nullable: true }) region: string | null;
  @Field(() => ID, { nullable: true }) @Column('varchar', { length: 36, nullable: true }) supervisorId: string | null;
  @Field(() => ID, { nullable: true }) @Index() @Column('varchar', { length: 36, nullable: true }) dealerId: string | null;
  @Field() @Column('boolean', { default: true }) active: boolean;
  @Column('int', { default: 0 }) failedLogins: number;
  @Column('datetime', { nullable: true }) lockedUntil: Date | null;
  @Field(() => Date, { nullable: true }) @Column('datetime', { nullable: true }) hiredAt: Date | null;
  /** Set for a user signed in through the external OIDC issuer: who that issuer says they are. */
  @Field(() => String, { nullable: true, description: 'OIDC issuer of a single-sign-on user' }) @Column('varchar', { length: 200, nullable: true }) externalIssuer: string | null;
  @Column('varchar', { length: 200, nullable: true }) externalSubject: string | null;
  @Field() @CreateDateColumn() createdAt: Date;
  @UpdateDateColumn() updatedAt: Date;
}

/** `User.dealer` points at the dealers subgraph's `Dealer`; identity only knows the id. */
@ObjectType('Dealer')
@Directive('@key(fields: "id", resolvable: false)')
export class DealerReference {
  @Field(() => ID) id: string;
}
