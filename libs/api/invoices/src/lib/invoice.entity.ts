import { ClientEntity } from '@deskgram/api/clients';
import {
  Column,
  CreateDateColumn,
  Entity,
  Index,
  JoinColumn,
  ManyToOne,
  OneToMany,
  PrimaryColumn,
  PrimaryGeneratedColumn,
  UpdateDateColumn,
  type ValueTransformer,
} from 'typeorm';
import { INVOICE_STATUSES, type InvoiceStatus } from '@deskgram/shared/contract';

/** PostgreSQL bigint <-> JavaScript bigint, so amounts never pass through a float. */
export const bigintColumn: ValueTransformer = {
  to: (value: bigint | null | undefined) => (value === null || value === undefined ? value : value.toString()),
  from: (value: string | null) => (value === null ? null : BigInt(value)),
};

/** `INV-2026-0007`: the year it was issued and its place in that year. */
export function invoiceNumber(year: number, seq: number): string {
  return `INV-${year}-${String(seq).padStart(4, '0')}`;
}

@Entity('invoices')
@Index('invoices_client_status_idx', ['clientId', 'status'])
@Index('invoices_status_due_idx', ['status', 'dueDate'])
@Index('invoices_number_key', ['year', 'seq'], { unique: true })
export class InvoiceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  /** Year and sequence are given when the invoice is issued; drafts have none, so issued numbers have no gaps. */
  @Column({ type: 'integer', nullable: true })
  year!: number | null;

  @Column({ type: 'integer', nullable: true })
  seq!: number | null;

  @Column({ type: 'uuid' })
  clientId!: string;

  @ManyToOne(() => ClientEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'client_id', foreignKeyConstraintName: 'invoices_client_id_fkey' })
  client?: ClientEntity;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'bigint', transformer: bigintColumn })
  totalMinor!: bigint;

  @Column({ type: 'enum', enum: INVOICE_STATUSES, enumName: 'invoice_status', default: 'draft' })
  status!: InvoiceStatus;

  @Column({ type: 'date' })
  dueDate!: string;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  paidAt!: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  voidedAt!: Date | null;

  @OneToMany(() => InvoiceItemEntity, (item) => item.invoice, { cascade: true })
  items?: InvoiceItemEntity[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity('invoice_items')
export class InvoiceItemEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Index('invoice_items_invoice_id_idx')
  @Column({ type: 'uuid' })
  invoiceId!: string;

  @ManyToOne(() => InvoiceEntity, (invoice) => invoice.items, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'invoice_id', foreignKeyConstraintName: 'invoice_items_invoice_id_fkey' })
  invoice?: InvoiceEntity;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ type: 'varchar', length: 500 })
  description!: string;

  /** Thousandths: 1.5 hours is 1500. */
  @Column({ type: 'bigint', transformer: bigintColumn })
  quantityThousandths!: bigint;

  @Column({ type: 'bigint', transformer: bigintColumn })
  unitPriceMinor!: bigint;

  @Column({ type: 'bigint', transformer: bigintColumn })
  amountMinor!: bigint;
}

/** The last invoice sequence given out per year. */
@Entity('invoice_counters')
export class InvoiceCounterEntity {
  @PrimaryColumn({ type: 'integer' })
  year!: number;

  @Column({ type: 'integer' })
  last!: number;
}
