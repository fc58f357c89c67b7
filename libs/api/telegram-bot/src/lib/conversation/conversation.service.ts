import { Injectable } from '@nestjs/common';
import { type AuthenticatedUser, toAuthenticated } from '@deskgram/api/auth';
import { ClientEntity } from '@deskgram/api/clients';
import { DomainError } from '@deskgram/api/common';
import { TelegramLinksService } from '@deskgram/api/telegram-links';
import {
  AddMessageDto,
  CreateTicketDto,
  type AttachmentInput,
  MAX_SUBJECT,
  type ReopenOutcome,
  type ResolveOutcome,
  type TakeOutcome,
  TicketEntity,
  ticketNumber,
  TicketsService,
} from '@deskgram/api/tickets';
import { isStaffRole, type TicketStatus } from '@deskgram/shared/contract';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { In, Not } from 'typeorm';
import type { TicketAction } from './callback-data';
import type { TicketButtonsState } from './keyboards';
import { TelegramTicketMessageEntity } from './telegram-ticket-message.entity';
import { type DraftFile, TicketDraftEntity } from './ticket-draft.entity';

/** A draft older than this is forgotten: Open on its prompt says so. */
export const DRAFT_TTL_MS = 7 * 24 * 60 * 60 * 1000;
/** How many open tickets `/tickets` lists before pointing at the portal. */
const TICKETS_LISTED = 15;
const CLOSED_STATES: TicketStatus[] = ['resolved', 'closed'];

/** Who wrote or pressed, as Telegram says. */
export interface TelegramSender {
  telegramUserId: number;
  chatId: number;
}

/** A ticket as the bot names it. */
export interface TicketSummary {
  id: string;
  number: string;
  subject: string;
  status: TicketStatus;
}

export type AnswerResult =
  | { kind: 'repeated' }
  | { kind: 'in_flight' }
  | { kind: 'not_linked' }
  | { kind: 'unknown_message' }
  | { kind: 'not_yours' }
  | { kind: 'note_staff_only' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'not_found' }
  | { kind: 'closed'; number: string }
  | { kind: 'added'; ticket: TicketSummary; userId: string; internal: boolean; reopened: boolean };

export type DraftResult =
  | { kind: 'repeated' }
  | { kind: 'not_linked' }
  | { kind: 'staff' }
  | { kind: 'invalid'; reason: string }
  | { kind: 'draft'; id: string; client: string; subject: string };

export type DraftPressResult =
  | { kind: 'gone' }
  | { kind: 'not_linked' }
  | { kind: 'cancelled' }
  | { kind: 'already_opened'; ticket: TicketSummary }
  | { kind: 'opened'; ticket: TicketSummary; userId: string }
  | { kind: 'now_cancelled' };

export type TicketPressResult =
  | { kind: 'not_linked' }
  | { kind: 'staff_only' }
  | { kind: 'client_only' }
  | { kind: 'not_found' }
  | {
      kind: 'done';
      action: TicketAction;
      outcome: TakeOutcome | ResolveOutcome | ReopenOutcome;
      ticket: TicketSummary;
      buttons: TicketButtonsState;
      actor: AuthenticatedUser;
    };

export interface OpenTickets {
  account: AuthenticatedUser;
  client: string | null;
  tickets: TicketSummary[];
  more: number;
}

/**
 * What people do from the chat, acted on as their linked portal user through the same services as the portal:
 * answers to notifications, new tickets, the buttons. Each update is recorded in `telegram_updates` in the
 * transaction of its effect, so a redelivered update changes nothing. Nothing here talks to Telegram: the updates
 * (`ConversationUpdate`) do, after the effect is committed.
 */
@Injectable()
export class ConversationService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly tickets: TicketsService,
    private readonly links: TelegramLinksService,
  ) {}

  /**
   * A Reply to a message of the bot: a public answer (or, for staff, with `note`, an internal note) in the ticket
   * that message was about, written by the portal user it was sent to, provided that user is linked to the sender.
   */
  @Transactional()
  async answer(
    sender: TelegramSender,
    input: {
      updateId: number;
      replyToMessageId: number;
      text: string;
      note: boolean;
      /** A photo or document sent as the answer; the text (its caption) may then be empty. */
      files?: AttachmentInput[];
    },
  ): Promise<AnswerResult> {
    const find = () =>
      this.txHost.tx.getRepository(TelegramTicketMessageEntity).findOne({
        where: { chatId: String(sender.chatId), messageId: String(input.replyToMessageId) },
      });
    let target = await find();
    if (!target) {
      // Telegram has a notification the deliverer has not recorded yet: ask again in a moment (nothing is written).
      if (await this.deliveryInFlight(sender.chatId)) return { kind: 'in_flight' };
      // Recorded between the two reads (each statement sees what was committed before it began).
      target = await find();
    }
    if (!(await this.claim(input.updateId))) return { kind: 'repeated' };
    if ((await this.accountsOf(sender.telegramUserId)).length === 0) return { kind: 'not_linked' };
    if (!target) return { kind: 'unknown_message' };
    const actor = await this.linkedUser(target.userId, sender.telegramUserId);
    if (!actor) return { kind: 'not_yours' };
    if (input.note && !isStaffRole(actor.role)) return { kind: 'note_staff_only' };
    const files = input.files ?? [];
    // The portal's rule: a message needs a text unless files go with it.
    if (input.text.trim() !== '' || files.length === 0) {
      const invalid = await invalidReason(AddMessageDto, { body: input.text, internal: input.note });
      if (invalid) return { kind: 'invalid', reason: invalid };
    }
    const before = await this.txHost.tx.getRepository(TicketEntity).findOne({ where: { id: target.ticketId } });
    try {
      await this.tickets.addMessage(
        actor,
        target.ticketId,
        { body: input.text.trim(), internal: input.note },
        { via: 'telegram', files },
      );
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      if (error.code === 'ticket.closed' && before) return { kind: 'closed', number: ticketNumber(before.seq) };
      if (error.code === 'ticket.not_found') return { kind: 'not_found' };
      if (error.code === 'ticket.internal_staff_only') return { kind: 'note_staff_only' };
      // The files' limits (too large, empty): refused before anything was written.
      if (error.kind === 'invalid' || error.kind === 'too_large') return { kind: 'invalid', reason: error.message };
      throw error;
    }
    const after = await this.txHost.tx.getRepository(TicketEntity).findOneOrFail({ where: { id: target.ticketId } });
    return {
      kind: 'added',
      ticket: summary(after),
      userId: actor.id,
      internal: input.note,
      reopened: before?.status !== after.status && after.status === 'open',
    };
  }

  /** A client's message without a Reply: a draft of a new ticket, to be opened with the Open button. */
  @Transactional()
  async draft(
    sender: TelegramSender,
    input: { updateId: number; text: string; files?: DraftFile[] },
  ): Promise<DraftResult> {
    if (!(await this.claim(input.updateId))) return { kind: 'repeated' };
    const accounts = await this.accountsOf(sender.telegramUserId);
    const client = accounts.find((account) => account.role === 'client' && account.clientId);
    if (!client) return { kind: accounts.length ? 'staff' : 'not_linked' };
    const files = input.files ?? [];
    const ticket = newTicketFrom(input.text, files[0]?.fileName);
    // With files the description may be empty, as in the portal: only the subject is then checked.
    const invalid = await invalidReason(
      CreateTicketDto,
      ticket.body === '' && files.length ? { subject: ticket.subject, body: ticket.subject } : ticket,
    );
    if (invalid) return { kind: 'invalid', reason: invalid };
    const draft = await this.txHost.tx
      .getRepository(TicketDraftEntity)
      .save({ userId: client.id, text: input.text.trim(), files, ticketId: null, cancelledAt: null });
    const company = await this.txHost.tx.getRepository(ClientEntity).findOne({ where: { id: client.clientId ?? '' } });
    return { kind: 'draft', id: draft.id, client: company?.name ?? '', subject: ticket.subject };
  }

  /** Open or Cancel under a draft. The draft's row is locked: a second press, or a redelivered one, opens nothing. */
  /** The files a draft will take, for the bot to fetch from Telegram before Open; none for anyone but its author. */
  async draftFiles(sender: TelegramSender, draftId: string): Promise<DraftFile[]> {
    const draft = await this.txHost.tx.getRepository(TicketDraftEntity).findOne({ where: { id: draftId } });
    if (!draft || draft.ticketId || draft.cancelledAt) return [];
    return (await this.linkedUser(draft.userId, sender.telegramUserId)) ? draft.files : [];
  }

  @Transactional()
  async pressDraft(
    sender: TelegramSender,
    action: 'open' | 'cancel',
    draftId: string,
    files: AttachmentInput[] = [],
  ): Promise<DraftPressResult> {
    const drafts = this.txHost.tx.getRepository(TicketDraftEntity);
    const draft = await drafts.findOne({ where: { id: draftId }, lock: { mode: 'pessimistic_write' } });
    if (!draft || draft.createdAt.getTime() < Date.now() - DRAFT_TTL_MS) return { kind: 'gone' };
    const actor = await this.linkedUser(draft.userId, sender.telegramUserId);
    if (!actor || actor.role !== 'client') return { kind: 'not_linked' };
    if (draft.ticketId) {
      const ticket = await this.txHost.tx.getRepository(TicketEntity).findOne({ where: { id: draft.ticketId } });
      return ticket ? { kind: 'already_opened', ticket: summary(ticket) } : { kind: 'gone' };
    }
    if (draft.cancelledAt) return { kind: 'cancelled' };
    if (action === 'cancel') {
      await drafts.update({ id: draft.id }, { cancelledAt: new Date() });
      return { kind: 'now_cancelled' };
    }
    const created = await this.tickets.create(actor, newTicketFrom(draft.text, draft.files[0]?.fileName), {
      via: 'telegram',
      files,
    });
    await drafts.update({ id: draft.id }, { ticketId: created.ticket.id });
    return { kind: 'opened', ticket: summary(created.ticket), userId: actor.id };
  }

  /**
   * Take, Resolve or Reopen, authorised against the presser's linked account now: the account the message was sent
   * to when the presser is linked to it, else another account of the presser that may do it.
   */
  @Transactional()
  async pressTicket(
    sender: TelegramSender,
    input: { messageId: number | undefined; action: TicketAction; ticketId: string },
  ): Promise<TicketPressResult> {
    const accounts = await this.accountsOf(sender.telegramUserId);
    if (accounts.length === 0) return { kind: 'not_linked' };
    const target =
      input.messageId === undefined
        ? null
        : await this.txHost.tx.getRepository(TelegramTicketMessageEntity).findOne({
            where: { chatId: String(sender.chatId), messageId: String(input.messageId) },
          });
    const allowed = (account: AuthenticatedUser) =>
      input.action === 'reopen' ? account.role === 'client' : isStaffRole(account.role);
    const actor =
      accounts.find((account) => account.id === target?.userId && allowed(account)) ?? accounts.find(allowed);
    if (!actor) return { kind: input.action === 'reopen' ? 'client_only' : 'staff_only' };
    let result: { ticket: TicketEntity; outcome: TakeOutcome | ResolveOutcome | ReopenOutcome };
    try {
      if (input.action === 'take') result = await this.tickets.take(actor, input.ticketId);
      else if (input.action === 'resolve') result = await this.tickets.resolve(actor, input.ticketId);
      else result = await this.tickets.reopen(actor, input.ticketId);
    } catch (error) {
      if (error instanceof DomainError && error.code === 'ticket.not_found') return { kind: 'not_found' };
      throw error;
    }
    const { ticket, outcome } = result;
    return {
      kind: 'done',
      action: input.action,
      outcome,
      ticket: summary(ticket),
      buttons: {
        id: ticket.id,
        number: ticketNumber(ticket.seq),
        status: ticket.status,
        assigneeId: ticket.assigneeId,
        assigneeName: ticket.assignee?.displayName ?? null,
      },
      actor,
    };
  }

  /** `/tickets`: for each linked account, its open tickets (a client's company's; those assigned to staff). */
  async openTickets(telegramUserId: number): Promise<OpenTickets[]> {
    const accounts = await this.accountsOf(telegramUserId);
    const repository = this.txHost.tx.getRepository(TicketEntity);
    return Promise.all(
      accounts.map(async (account) => {
        const where = {
          status: Not(In(CLOSED_STATES)),
          ...(isStaffRole(account.role) ? { assigneeId: account.id } : { clientId: account.clientId ?? '' }),
        };
        const [rows, total] = await repository.findAndCount({
          where,
          order: { lastActivityAt: 'DESC' },
          take: TICKETS_LISTED,
        });
        const client = isStaffRole(account.role)
          ? null
          : ((await this.txHost.tx.getRepository(ClientEntity).findOne({ where: { id: account.clientId ?? '' } }))
              ?.name ?? null);
        return { account, client, tickets: rows.map(summary), more: total - rows.length };
      }),
    );
  }

  /** Remembers that a message the bot sent is about a ticket, for the person it went to: a Reply to it answers. */
  async remember(chatId: number, messageId: number, ticketId: string, userId: string): Promise<void> {
    await this.txHost.tx
      .getRepository(TelegramTicketMessageEntity)
      .createQueryBuilder()
      .insert()
      .values({ chatId: String(chatId), messageId: String(messageId), ticketId, userId })
      .orIgnore()
      .execute();
  }

  /**
   * Whether a ticket notification to this chat is being sent right now: Telegram may have it (and the person may be
   * replying to it) a moment before the deliverer records which message it became. Reads the deliverer's table.
   */
  private async deliveryInFlight(chatId: number): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      `SELECT 1 FROM notification_deliveries WHERE chat_id = $1 AND status = 'sending' AND ticket_id IS NOT NULL LIMIT 1`,
      [chatId],
    );
    return rows.length > 0;
  }

  /** Records the update as handled in the current transaction; false when it already was. */
  private async claim(updateId: number): Promise<boolean> {
    const rows: unknown[] = await this.txHost.tx.query(
      'INSERT INTO telegram_updates (update_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING update_id',
      [updateId],
    );
    return rows.length > 0;
  }

  /** The portal user, when it is enabled and linked to this Telegram user now. */
  private async linkedUser(userId: string, telegramUserId: number): Promise<AuthenticatedUser | null> {
    const user = await this.links.enabledUser(userId, telegramUserId);
    return user ? toAuthenticated(user) : null;
  }

  /** The enabled portal accounts this Telegram user linked, the most recently linked first. */
  private async accountsOf(telegramUserId: number): Promise<AuthenticatedUser[]> {
    return (await this.links.enabledUsersOf(telegramUserId)).map(toAuthenticated);
  }
}

function summary(ticket: TicketEntity): TicketSummary {
  return { id: ticket.id, number: ticketNumber(ticket.seq), subject: ticket.subject, status: ticket.status };
}

/**
 * The first line is the subject (shortened to the portal's limit), the whole text the description; a file without
 * a text is its own subject.
 */
export function newTicketFrom(text: string, fileName?: string): { subject: string; body: string } {
  const body = text.trim();
  const firstLine = body.split('\n').find((line) => line.trim() !== '') ?? fileName ?? '';
  const chars = Array.from(firstLine.trim());
  const subject = chars.length > MAX_SUBJECT ? `${chars.slice(0, MAX_SUBJECT - 1).join('')}…` : chars.join('');
  return { subject, body };
}

/** The portal's own validation of the request body: the first refusal in words, or `null` when it is valid. */
async function invalidReason<T extends object>(type: new () => T, plain: object): Promise<string | null> {
  const errors = await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  const first = errors[0];
  return first ? (Object.values(first.constraints ?? {})[0] ?? `${first.property} is not valid`) : null;
}
