import { Column, CreateDateColumn, Entity, Index, PrimaryColumn } from 'typeorm';

/** A refresh token, stored only as a hash; used once, then replaced (rotation). */
@Entity('refresh_token')
export class RefreshToken {
  @PrimaryColumn('varchar', { length: 36 }) id: string;
  @Index() @Column('varchar', { length: 36 }) userId: string;
  @Index({ unique: true }) @Column('varchar', { length: 64 }) tokenHash: string;
  @Column('datetime') expiresAt: Date;
  @Column('datetime', { nullable: true }) revokedAt: Date | null;
  @CreateDateColumn() createdAt: Date;
}
