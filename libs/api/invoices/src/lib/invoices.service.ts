import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser } from '@deskgram/api/auth';
import { ClientEntity } from '@deskgram/api/clients';
import {
  ConflictError,
  DomainEvent,
  DomainEventsPublisher,
  type DomainEvents,
  InvalidInputError,
  NotFoundError,
  AdvisoryLock,
} from '@deskgram/api/common';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { SelectQueryBuilder } from 'typeorm';
import type { CreateInvoiceDto, InvoiceItemInputDto, InvoiceQueryDto, UpdateInvoiceDto } from './dto/invoices.dto';
import { InvoiceEntity, InvoiceItemEntity } from './invoice.entity';
import { invoiceRef } from './invoices.mapper';
import {
  fitsBigint,
  formatMoney,
  formatQuantity,
  type ErrorCode,
  type InvoiceStatus,
  isCurrency,
  isStaffRole,
  lineAmount,
  maxAmount,
  MoneyFormatError,
  parseMoney,
  parseQuantity,
} from '@deskgram/shared/contract';

/** Which statuses each action may start from; anything else is a 409 that says why. */
const TRANSITIONS = {
  issue: { from: ['draft'], to: 'issued', event: DomainEvent.InvoiceIssued, refusal: 'invoice.cannot_issue' },
  pay: { from: ['issued', 'overdue'], to: 'paid', event: DomainEvent.InvoicePaid, refusal: 'invoice.cannot_pay' },
  void: { from: ['draft', 'issued', 'overdue'], to: 'void', event: null, refusal: 'invoice.cannot_void' },
} as const satisfies Record<
  string,
  { from: readonly InvoiceStatus[]; to: InvoiceStatus; event: keyof DomainEvents | null; refusal: ErrorCode }
>;
export type InvoiceAction = keyof typeof TRANSITIONS;

@Injectable()
export class InvoicesService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: DomainEventsPublisher,
  ) {}

  private get invoices() {
    return this.txHost.tx.getRepository(InvoiceEntity);
  }

  @Transactional()
  async create(input: CreateInvoiceDto): Promise<InvoiceEntity> {
    if (!(await this.txHost.tx.getRepository(ClientEntity).exists({ where: { id: input.clientId } }))) {
      throw new InvalidInputError('invoice.client_unknown', `No client with id ${input.clientId}`);
    }
    const currency = this.currency(input.currency);
    const { items, totalMinor } = this.items(input.items, currency);
    const saved = await this.invoices.save(
      this.invoices.create({
        clientId: input.clientId,
        currency,
        dueDate: input.dueDate,
        status: 'draft',
        totalMinor,
        items,
        year: null,
        seq: null,
        issuedAt: null,
        paidAt: null,
        voidedAt: null,
      }),
    );
    return this.load(null, saved.id);
  }

  @Transactional()
  async update(id: string, changes: UpdateInvoiceDto): Promise<InvoiceEntity> {
    const invoice = await this.lock(id);
    if (invoice.status !== 'draft') {
      throw new ConflictError('invoice.not_draft', `Only drafts can be edited; this invoice is ${invoice.status}`);
    }
    const currency = changes.currency ? this.currency(changes.currency) : invoice.currency;
    if (changes.dueDate) invoice.dueDate = changes.dueDate;
    if (changes.items || currency !== invoice.currency) {
      const existing = await this.txHost.tx.getRepository(InvoiceItemEntity).find({ where: { invoiceId: id } });
      const inputs =
        changes.items ??
        existing
          .sort((a, b) => a.position - b.position)
          .map((item) => ({
            description: item.description,
            quantity: formatQuantity(item.quantityThousandths),
            unitPrice: formatMoney(item.unitPriceMinor, invoice.currency),
          }));
      const { items, totalMinor } = this.items(inputs, currency);
      await this.txHost.tx.getRepository(InvoiceItemEntity).delete({ invoiceId: id });
      await this.txHost.tx.getRepository(InvoiceItemEntity).save(items.map((item) => ({ ...item, invoiceId: id })));
      invoice.totalMinor = totalMinor;
      invoice.currency = currency;
    }
    await this.invoices.save(invoice);
    return this.load(null, id);
  }

  @Transactional()
  async transition(actor: AuthenticatedUser, id: string, action: InvoiceAction): Promise<InvoiceEntity> {
    const rule = TRANSITIONS[action];
    const invoice = await this.lock(id);
    if (!(rule.from as readonly InvoiceStatus[]).includes(invoice.status)) {
      throw new ConflictError(
        rule.refusal,
        `A ${invoice.status} invoice cannot be ${rule.to === 'issued' ? 'issued' : rule.to === 'paid' ? 'marked paid' : 'voided'}`,
      );
    }
    const now = new Date();
    invoice.status = rule.to;
    if (action === 'issue') {
      invoice.issuedAt = now;
      invoice.year = now.getUTCFullYear();
      invoice.seq = await this.nextSeq(invoice.year);
    }
    if (action === 'pay') invoice.paidAt = now;
    if (action === 'void') invoice.voidedAt = now;
    await this.invoices.save(invoice);
    if (rule.event) {
      await this.events.publish(rule.event, {
        invoice: invoiceRef(invoice),
        actor: { userId: actor.id, role: actor.role },
      });
    }
    return this.load(null, id);
  }

  /**
   * Issued invoices past their due date become overdue, each with its event, in one transaction. Only one replica
   * sweeps at a time: the others find the advisory lock taken and skip this round.
   */
  @Transactional()
  async markOverdue(): Promise<number> {
    const [{ locked }]: Array<{ locked: boolean }> = await this.txHost.tx.query(
      'SELECT pg_try_advisory_xact_lock($1) AS locked',
      [AdvisoryLock.OverdueSweep],
    );
    if (!locked) return 0;
    const [rows]: [Array<{ id: string }>, number] = await this.txHost.tx.query(
      `UPDATE invoices SET status = 'overdue', updated_at = now()
        WHERE status = 'issued' AND due_date < current_date
        RETURNING id`,
    );
    for (const { id } of rows) {
      const invoice = await this.load(null, id);
      await this.events.publish(DomainEvent.InvoiceOverdue, { invoice: invoiceRef(invoice), actor: null });
    }
    return rows.length;
  }

  async list(actor: AuthenticatedUser, query: InvoiceQueryDto): Promise<{ items: InvoiceEntity[]; total: number }> {
    const builder = this.visible(actor)
      .leftJoinAndSelect('invoice.client', 'client')
      .orderBy('invoice.createdAt', 'DESC')
      .addOrderBy('invoice.id', 'DESC')
      .skip(query.offset)
      .take(query.pageSize);
    if (query.status) builder.andWhere('invoice.status = :status', { status: query.status });
    if (query.clientId && isStaffRole(actor.role))
      builder.andWhere('invoice.clientId = :clientId', { clientId: query.clientId });
    const [items, total] = await builder.getManyAndCount();
    return { items, total };
  }

  get(actor: AuthenticatedUser, id: string): Promise<InvoiceEntity> {
    return this.load(actor, id);
  }

  /** All invoices for staff; for a client user, their client's, never drafts. */
  private visible(actor: AuthenticatedUser | null): SelectQueryBuilder<InvoiceEntity> {
    const builder = this.invoices.createQueryBuilder('invoice');
    if (actor && !isStaffRole(actor.role)) {
      builder
        .where('invoice.clientId = :ownClient', { ownClient: actor.clientId })
        .andWhere("invoice.status <> 'draft'");
    }
    return builder;
  }

  private async load(actor: AuthenticatedUser | null, id: string): Promise<InvoiceEntity> {
    const invoice = await this.visible(actor)
      .leftJoinAndSelect('invoice.client', 'client')
      .leftJoinAndSelect('invoice.items', 'item')
      .andWhere('invoice.id = :id', { id })
      .orderBy('item.position', 'ASC')
      .getOne();
    if (!invoice) throw new NotFoundError('invoice.not_found', `No invoice with id ${id}`);
    return invoice;
  }

  private async lock(id: string): Promise<InvoiceEntity> {
    const invoice = await this.invoices.findOne({ where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!invoice) throw new NotFoundError('invoice.not_found', `No invoice with id ${id}`);
    return invoice;
  }

  private async nextSeq(year: number): Promise<number> {
    const [row]: Array<{ last: number }> = await this.txHost.tx.query(
      `INSERT INTO invoice_counters (year, last) VALUES ($1, 1)
       ON CONFLICT (year) DO UPDATE SET last = invoice_counters.last + 1
       RETURNING last`,
      [year],
    );
    return row.last;
  }

  private currency(code: string): string {
    if (!isCurrency(code)) throw new InvalidInputError('invoice.currency', `${code} is not an ISO 4217 currency`);
    return code;
  }

  /**
   * Parses the items and computes each line; every amount must fit PostgreSQL's `bigint`, the lines and the total
   * included, or the invoice is refused with the field named.
   */
  private items(inputs: InvoiceItemInputDto[], currency: string): { items: InvoiceItemEntity[]; totalMinor: bigint } {
    try {
      const items = inputs.map((input, index) => {
        const quantityThousandths = named(`items[${index}].quantity`, () => parseQuantity(input.quantity));
        const unitPriceMinor = named(`items[${index}].unitPrice`, () => parseMoney(input.unitPrice, currency));
        const amountMinor = lineAmount(quantityThousandths, unitPriceMinor);
        if (!fitsBigint(amountMinor)) {
          throw new MoneyFormatError(
            `items[${index}]: quantity × unitPrice is more than the largest amount, ${maxAmount(currency)} ${currency}`,
          );
        }
        return Object.assign(new InvoiceItemEntity(), {
          position: index + 1,
          description: input.description,
          quantityThousandths,
          unitPriceMinor,
          amountMinor,
        });
      });
      const totalMinor = items.reduce((sum, item) => sum + item.amountMinor, 0n);
      if (!fitsBigint(totalMinor)) {
        throw new MoneyFormatError(
          `The invoice total is more than the largest amount, ${maxAmount(currency)} ${currency}`,
        );
      }
      return { items, totalMinor };
    } catch (error) {
      if (error instanceof MoneyFormatError) throw new InvalidInputError('invoice.amount', error.message);
      throw error;
    }
  }
}

/** Prefixes a parse error with the field it concerns, as validation messages do. */
function named<T>(field: string, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof MoneyFormatError) throw new MoneyFormatError(`${field}: ${error.message}`);
    throw error;
  }
}
