import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import { UserEntity } from '@deskgram/api/auth';
import type { NotificationKind } from '@deskgram/shared/contract';

/** The kinds a person muted; no row means they hear everything that concerns them. */
@Entity('notification_preferences')
export class PreferenceEntity {
  @PrimaryColumn({ type: 'uuid' })
  userId!: string;

  @OneToOne(() => UserEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'notification_preferences_user_id_fkey' })
  user?: UserEntity;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  muted!: NotificationKind[];

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
