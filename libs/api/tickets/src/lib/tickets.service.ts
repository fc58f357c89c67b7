import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { type AuthenticatedUser, escapeLike, UserEntity } from '@deskgram/api/auth';
import {
  type AttachmentRef,
  ConflictError,
  DomainEvent,
  DomainEventsPublisher,
  type EventActor,
  ForbiddenError,
  InvalidInputError,
  NotFoundError,
  type TicketRef,
} from '@deskgram/api/common';
import { ClientEntity } from '@deskgram/api/clients';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { Pool, QueryResultRow } from 'pg';
import type { SelectQueryBuilder } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';
import type { AddMessageDto, CreateTicketDto, TicketQueryDto, UpdateTicketDto } from './dto/tickets.dto';
import { TicketMessageEntity } from './ticket-message.entity';
import { TicketEntity, ticketNumber } from './ticket.entity';
import { type AttachmentInput, AttachmentsService, type PreparedAttachment } from './attachments/attachments.service';
import type { TicketAttachmentEntity } from './attachments/ticket-attachment.entity';
import {
  isStaffRole,
  type MessageChannel,
  TICKET_STATUSES,
  type TicketPriority,
  type TicketStatus,
} from '@deskgram/shared/contract';

/** A client's reply on these reopens the ticket: the ball is back with staff. */
const REOPENED_BY_CLIENT_REPLY: readonly TicketStatus[] = ['waiting_for_client', 'resolved'];

/** Where a message was written: the portal, or Telegram (the portal marks those). */
export interface WrittenVia {
  via?: MessageChannel;
}

/** How a message comes: where it was written, and the files that go with it (at most 10). */
export interface MessageOptions extends WrittenVia {
  files?: readonly AttachmentInput[];
}

/** What Take did: assigned the ticket to the caller, or found it theirs already, someone else's, or closed. */
export type TakeOutcome = 'taken' | 'already_yours' | 'taken_by_other' | 'closed';
export type ResolveOutcome = 'resolved' | 'already_resolved' | 'closed';
export type ReopenOutcome = 'reopened' | 'not_resolved';

export interface TicketWithThread {
  ticket: TicketEntity;
  messages: TicketMessageEntity[];
}

/** The most tickets a staff list counts; beyond it the list answers this with `totalCapped`. */
export const TOTAL_CAP = 1_000;

/** A row of the list's query: a ticket with its client's and assignee's names, and the count of all matches. */
export interface TicketListRow {
  total: number;
  id: string;
  seq: number;
  subject: string;
  status: TicketStatus;
  priority: TicketPriority;
  clientId: string;
  clientName: string | null;
  creatorId: string;
  assigneeId: string | null;
  assigneeName: string | null;
  createdAt: Date;
  updatedAt: Date;
  lastActivityAt: Date;
}

export interface TicketListPage {
  items: TicketListRow[];
  /** Every match, or `TOTAL_CAP` when `totalCapped`. */
  total: number;
  /** More than `TOTAL_CAP` tickets match (staff only); `total` is then the cap. */
  totalCapped: boolean;
}

/** The body of a new message: text, or nothing when files go with it; neither is refused. */
function bodyOf(body: string | undefined | null, files: readonly AttachmentInput[] | undefined): string {
  const text = body?.trim() ?? '';
  if (text === '' && !files?.length) throw new InvalidInputError('ticket.body_required', 'body must not be empty');
  return text;
}

function attachmentRef({ id, fileName, size, contentType }: TicketAttachmentEntity): AttachmentRef {
  return { id, fileName, size, contentType };
}

function actorOf(user: AuthenticatedUser): EventActor {
  return { userId: user.id, role: user.role };
}

export function ticketRef(ticket: TicketEntity): TicketRef {
  return {
    id: ticket.id,
    number: ticketNumber(ticket.seq),
    subject: ticket.subject,
    clientId: ticket.clientId,
    assigneeId: ticket.assigneeId,
    status: ticket.status,
    priority: ticket.priority,
  };
}

/**
 * Tickets and their threads. Every query is narrowed to the caller's client for client users, so another client's
 * ticket is simply not found. Changes emit their domain events inside the same transaction.
 */
@Injectable()
export class TicketsService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly events: DomainEventsPublisher,
    private readonly files: AttachmentsService,
  ) {}

  private get tickets() {
    return this.txHost.tx.getRepository(TicketEntity);
  }

  private get messages() {
    return this.txHost.tx.getRepository(TicketMessageEntity);
  }

  /** Opens a ticket; its first message is `input.body` and `options.files` (the body may be left out with files). */
  @Transactional()
  async create(
    actor: AuthenticatedUser,
    input: CreateTicketDto,
    options: MessageOptions = {},
  ): Promise<TicketWithThread> {
    const body = bodyOf(input.body, options.files);
    const files = await this.files.prepare(options.files ?? []);
    const clientId = await this.clientForNewTicket(actor, input.clientId);
    const inserted = await this.tickets.save(
      this.tickets.create({
        subject: input.subject,
        clientId,
        creatorId: actor.id,
        assigneeId: null,
        status: 'open',
        priority: input.priority ?? 'normal',
      }),
    );
    const first = await this.messages.save(
      this.messages.create({
        ticketId: inserted.id,
        authorId: actor.id,
        authorRole: actor.role,
        body,
        internal: false,
        via: options.via ?? 'portal',
      }),
    );
    const attachments = await this.files.save(first.id, files);
    const created = await this.load(actor, inserted.id);
    await this.events.publish(DomainEvent.TicketCreated, {
      ticket: ticketRef(created.ticket),
      actor: actorOf(actor),
      body,
      attachments: attachments.map(attachmentRef),
    });
    return created;
  }

  /**
   * One page of the tickets the actor may see, with how many match, in one round trip and without entities: the
   * page's columns go straight into `TicketListRow`s. For staff the count stops after `TOTAL_CAP` matches
   * (`totalCapped`): counting all of a large queue on every page view costs more than the page itself, and "1,000+"
   * tells staff as much. A client's total is always exact.
   */
  async list(actor: AuthenticatedUser, query: TicketQueryDto): Promise<TicketListPage> {
    const params: unknown[] = [];
    const where = this.listConditions(actor, query, params);
    const cap = isStaffRole(actor.role) ? TOTAL_CAP + 1 : null;
    params.push(cap, query.offset, query.pageSize);
    const [capParam, offsetParam, limitParam] = [params.length - 2, params.length - 1, params.length];
    // The count is the outer row and the page is joined to it, so that a page past the end still answers the
    // total. `LIMIT NULL` is no limit. Both joins are many-to-one, so a plain LIMIT pages correctly.
    const rows = await this.read<TicketListRow>(
      `SELECT matches.total, page.*
         FROM (SELECT count(*)::int AS total
                 FROM (SELECT 1 FROM tickets ticket WHERE ${where} LIMIT $${capParam}) AS counted) AS matches
         LEFT JOIN LATERAL (
           SELECT ticket.id, ticket.seq, ticket.subject, ticket.status, ticket.priority,
                  ticket.client_id AS "clientId", client.name AS "clientName", ticket.creator_id AS "creatorId",
                  ticket.assignee_id AS "assigneeId", assignee.display_name AS "assigneeName",
                  ticket.created_at AS "createdAt", ticket.updated_at AS "updatedAt",
                  ticket.last_activity_at AS "lastActivityAt"
             FROM tickets ticket
             LEFT JOIN clients client ON client.id = ticket.client_id
             LEFT JOIN users assignee ON assignee.id = ticket.assignee_id
            WHERE ${where}
            ORDER BY ticket.last_activity_at DESC, ticket.id DESC
           OFFSET $${offsetParam} LIMIT $${limitParam}) AS page ON TRUE
        ORDER BY page."lastActivityAt" DESC, page.id DESC`,
      params,
    );
    const counted = rows[0]?.total ?? 0;
    const totalCapped = cap !== null && counted > TOTAL_CAP;
    return {
      items: rows[0]?.id ? rows : [],
      total: totalCapped ? TOTAL_CAP : counted,
      totalCapped,
    };
  }

  /** How many tickets are in each status, under the same filters as the list (status aside). */
  async counts(actor: AuthenticatedUser, query: TicketQueryDto): Promise<Record<TicketStatus, number>> {
    const builder = this.visible(actor).select('ticket.status', 'status').addSelect('count(*)::int', 'count');
    this.filter(builder, actor, { ...query, status: undefined } as TicketQueryDto);
    const rows = await builder.groupBy('ticket.status').getRawMany<{ status: TicketStatus; count: number }>();
    const counts = Object.fromEntries(TICKET_STATUSES.map((status) => [status, 0])) as Record<TicketStatus, number>;
    for (const row of rows) counts[row.status] = Number(row.count);
    return counts;
  }

  get(actor: AuthenticatedUser, id: string): Promise<TicketWithThread> {
    return this.load(actor, id);
  }

  /**
   * Adds a reply or an internal note with its files (`options.files`; the body may be left out with files). The
   * files are checked before anything is written and stored in the same transaction as the message.
   */
  @Transactional()
  async addMessage(
    actor: AuthenticatedUser,
    id: string,
    input: AddMessageDto,
    options: MessageOptions = {},
  ): Promise<TicketMessageEntity> {
    const internal = input.internal ?? false;
    if (internal && !isStaffRole(actor.role)) {
      throw new ForbiddenError('ticket.internal_staff_only', 'Only staff can write internal notes');
    }
    const body = bodyOf(input.body, options.files);
    const files: PreparedAttachment[] = await this.files.prepare(options.files ?? []);
    const ticket = await this.lockVisible(actor, id);
    if (ticket.status === 'closed' && !internal) {
      throw new ConflictError('ticket.closed', `${ticketNumber(ticket.seq)} is closed; open a new ticket instead`);
    }
    const message = await this.messages.save(
      this.messages.create({
        ticketId: ticket.id,
        authorId: actor.id,
        authorRole: actor.role,
        body,
        internal,
        via: options.via ?? 'portal',
      }),
    );
    const attachments = await this.files.save(message.id, files);
    const from = ticket.status;
    if (!internal) {
      ticket.lastActivityAt = new Date();
      if (actor.role === 'client' && REOPENED_BY_CLIENT_REPLY.includes(ticket.status)) ticket.status = 'open';
      await this.tickets.save(ticket);
    }
    await this.events.publish(DomainEvent.TicketMessageCreated, {
      ticket: ticketRef(ticket),
      actor: actorOf(actor),
      messageId: message.id,
      body: message.body,
      internal,
      attachments: attachments.map(attachmentRef),
    });
    if (ticket.status !== from) {
      await this.events.publish(DomainEvent.TicketStatusChanged, {
        ticket: ticketRef(ticket),
        actor: actorOf(actor),
        from,
        to: ticket.status,
      });
    }
    return (
      (await this.messages.findOne({ where: { id: message.id }, relations: { author: true, attachments: true } })) ??
      message
    );
  }

  @Transactional()
  async update(actor: AuthenticatedUser, id: string, changes: UpdateTicketDto): Promise<TicketWithThread> {
    const ticket = await this.lockVisible(actor, id);
    const before = { status: ticket.status, assigneeId: ticket.assigneeId };
    if (changes.assigneeId !== undefined && changes.assigneeId !== ticket.assigneeId) {
      if (changes.assigneeId !== null) await this.assertAssignable(changes.assigneeId);
      ticket.assigneeId = changes.assigneeId;
    }
    if (changes.priority !== undefined) ticket.priority = changes.priority;
    if (changes.status !== undefined && changes.status !== ticket.status) {
      ticket.status = changes.status;
      ticket.lastActivityAt = new Date();
    }
    await this.tickets.save(ticket);
    if (ticket.status !== before.status) {
      await this.events.publish(DomainEvent.TicketStatusChanged, {
        ticket: ticketRef(ticket),
        actor: actorOf(actor),
        from: before.status,
        to: ticket.status,
      });
    }
    if (ticket.assigneeId !== before.assigneeId) {
      await this.events.publish(DomainEvent.TicketAssigned, {
        ticket: ticketRef(ticket),
        actor: actorOf(actor),
        previousAssigneeId: before.assigneeId,
        assigneeId: ticket.assigneeId,
      });
    }
    return this.load(actor, id);
  }

  /**
   * Take: assigns the ticket to the calling staff member unless someone has it already. The row is locked, so of
   * two people taking at once one wins and the other learns who has it.
   */
  @Transactional()
  async take(actor: AuthenticatedUser, id: string): Promise<{ ticket: TicketEntity; outcome: TakeOutcome }> {
    this.assertStaff(actor);
    const ticket = await this.lockVisible(actor, id);
    let outcome: TakeOutcome;
    if (ticket.status === 'closed') outcome = 'closed';
    else if (ticket.assigneeId === actor.id) outcome = 'already_yours';
    else if (ticket.assigneeId) outcome = 'taken_by_other';
    else {
      await this.update(actor, id, { assigneeId: actor.id });
      outcome = 'taken';
    }
    return { ticket: (await this.load(actor, id)).ticket, outcome };
  }

  /** Resolve, for staff: a closed ticket stays closed, a resolved one is left as it is. */
  @Transactional()
  async resolve(actor: AuthenticatedUser, id: string): Promise<{ ticket: TicketEntity; outcome: ResolveOutcome }> {
    this.assertStaff(actor);
    const ticket = await this.lockVisible(actor, id);
    let outcome: ResolveOutcome;
    if (ticket.status === 'closed') outcome = 'closed';
    else if (ticket.status === 'resolved') outcome = 'already_resolved';
    else {
      await this.update(actor, id, { status: 'resolved' });
      outcome = 'resolved';
    }
    return { ticket: (await this.load(actor, id)).ticket, outcome };
  }

  /** Reopen, for the client: a resolved ticket of their own is open again, and staff hear of it. */
  @Transactional()
  async reopen(actor: AuthenticatedUser, id: string): Promise<{ ticket: TicketEntity; outcome: ReopenOutcome }> {
    if (actor.role !== 'client') {
      throw new ForbiddenError('ticket.client_only', 'Only the client reopens a ticket; staff change its status');
    }
    const ticket = await this.lockVisible(actor, id);
    if (ticket.status !== 'resolved') return { ticket: (await this.load(actor, id)).ticket, outcome: 'not_resolved' };
    ticket.status = 'open';
    ticket.lastActivityAt = new Date();
    await this.tickets.save(ticket);
    await this.events.publish(DomainEvent.TicketStatusChanged, {
      ticket: ticketRef(ticket),
      actor: actorOf(actor),
      from: 'resolved',
      to: 'open',
    });
    return { ticket: (await this.load(actor, id)).ticket, outcome: 'reopened' };
  }

  private assertStaff(actor: AuthenticatedUser): void {
    if (!isStaffRole(actor.role)) throw new ForbiddenError('ticket.staff_only', 'Only staff can do this');
  }

  private async clientForNewTicket(actor: AuthenticatedUser, requested: string | undefined): Promise<string> {
    if (actor.role === 'client') {
      if (requested !== undefined && requested !== actor.clientId) {
        throw new InvalidInputError('ticket.client_not_allowed', 'clientId is for staff; leave it out');
      }
      if (!actor.clientId) throw new ForbiddenError('ticket.no_client', 'This account belongs to no client');
      return actor.clientId;
    }
    if (!requested)
      throw new InvalidInputError('ticket.client_required', 'clientId is required when staff open a ticket');
    const exists = await this.txHost.tx.getRepository(ClientEntity).exists({ where: { id: requested } });
    if (!exists) throw new InvalidInputError('ticket.client_unknown', `No client with id ${requested}`);
    return requested;
  }

  private async assertAssignable(userId: string): Promise<void> {
    const user = await this.txHost.tx.getRepository(UserEntity).findOne({ where: { id: userId } });
    if (!user || !isStaffRole(user.role) || user.disabledAt) {
      throw new InvalidInputError('ticket.assignee_invalid', 'assigneeId must be an active staff user');
    }
  }

  /** Tickets the actor may see: all for staff, their client's for client users. */
  private visible(actor: AuthenticatedUser): SelectQueryBuilder<TicketEntity> {
    const builder = this.tickets.createQueryBuilder('ticket');
    if (!isStaffRole(actor.role)) builder.where('ticket.clientId = :ownClient', { ownClient: actor.clientId });
    return builder;
  }

  private filter(builder: SelectQueryBuilder<TicketEntity>, actor: AuthenticatedUser, query: TicketQueryDto): void {
    if (query.status) builder.andWhere('ticket.status = :status', { status: query.status });
    if (query.priority) builder.andWhere('ticket.priority = :priority', { priority: query.priority });
    if (query.assigneeId === 'none') builder.andWhere('ticket.assigneeId IS NULL');
    else if (query.assigneeId) builder.andWhere('ticket.assigneeId = :assigneeId', { assigneeId: query.assigneeId });
    if (query.clientId && isStaffRole(actor.role))
      builder.andWhere('ticket.clientId = :clientId', { clientId: query.clientId });
    if (query.search) {
      const number = /^(?:t-?)?(\d{1,9})$/i.exec(query.search);
      builder.andWhere(
        number ? '(ticket.subject ILIKE :search OR ticket.seq = :seq)' : 'ticket.subject ILIKE :search',
        { search: `%${escapeLike(query.search)}%`, seq: number ? Number(number[1]) : undefined },
      );
    }
  }

  /**
   * The list's WHERE clause in plain SQL, with its values appended to `params`: the same rules as `visible` and
   * `filter`, for the list's single query.
   */
  /**
   * A read-only statement, prepared once per connection and named after its text (the list's few shapes, one per
   * combination of filters): PostgreSQL then plans it once instead of on every page view, where planning cost as
   * much as running it. Inside a transaction it runs there, unprepared.
   */
  private async read<Row>(text: string, values: unknown[]): Promise<Row[]> {
    if (this.txHost.isTransactionActive()) return this.txHost.tx.query(text, values);
    const pool = (this.txHost.tx.connection.driver as PostgresDriver).master as Pool;
    const name = `deskgram_${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
    const result = await pool.query<Row & QueryResultRow>({ name, text, values });
    return result.rows;
  }

  private listConditions(actor: AuthenticatedUser, query: TicketQueryDto, params: unknown[]): string {
    const conditions: string[] = [];
    const add = (sql: (param: string) => string, value: unknown) => {
      params.push(value);
      conditions.push(sql(`$${params.length}`));
    };
    if (!isStaffRole(actor.role)) add((p) => `ticket.client_id = ${p}`, actor.clientId);
    else if (query.clientId) add((p) => `ticket.client_id = ${p}`, query.clientId);
    if (query.status) add((p) => `ticket.status = ${p}`, query.status);
    if (query.priority) add((p) => `ticket.priority = ${p}`, query.priority);
    if (query.assigneeId === 'none') conditions.push('ticket.assignee_id IS NULL');
    else if (query.assigneeId) add((p) => `ticket.assignee_id = ${p}`, query.assigneeId);
    if (query.search) {
      const number = /^(?:t-?)?(\d{1,9})$/i.exec(query.search);
      params.push(`%${escapeLike(query.search)}%`);
      const search = `ticket.subject ILIKE $${params.length}`;
      if (number) {
        params.push(Number(number[1]));
        conditions.push(`(${search} OR ticket.seq = $${params.length})`);
      } else conditions.push(search);
    }
    return conditions.length ? conditions.join(' AND ') : 'TRUE';
  }

  private async lockVisible(actor: AuthenticatedUser, id: string): Promise<TicketEntity> {
    const ticket = await this.visible(actor).andWhere('ticket.id = :id', { id }).setLock('pessimistic_write').getOne();
    if (!ticket) throw new NotFoundError('ticket.not_found', `No ticket with id ${id}`);
    return ticket;
  }

  private async load(actor: AuthenticatedUser, id: string): Promise<TicketWithThread> {
    const ticket = await this.visible(actor)
      .leftJoinAndSelect('ticket.client', 'client')
      .leftJoinAndSelect('ticket.assignee', 'assignee')
      .andWhere('ticket.id = :id', { id })
      .getOne();
    if (!ticket) throw new NotFoundError('ticket.not_found', `No ticket with id ${id}`);
    const messages = await this.messages
      .createQueryBuilder('message')
      .leftJoinAndSelect('message.author', 'author')
      .leftJoinAndSelect('message.attachments', 'attachment')
      .where('message.ticketId = :id', { id })
      // Clients never learn that internal notes exist, not even by a gap or a count.
      .andWhere(isStaffRole(actor.role) ? 'TRUE' : 'message.internal = FALSE')
      .orderBy('message.createdAt', 'ASC')
      .addOrderBy('message.id', 'ASC')
      .addOrderBy('attachment.position', 'ASC')
      .getMany();
    return { ticket, messages };
  }
}
