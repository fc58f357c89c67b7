import { Logger } from '@nestjs/common';
import { Command, Ctx, On, Update } from 'nestjs-telegraf';
import type { Context } from 'telegraf';
import type { Message, Update as TelegramUpdate } from 'telegraf/types';
import { TelegramError } from 'telegraf';
import { parseCallbackData } from '../conversation/callback-data';
import { type AnswerResult, ConversationService, type TelegramSender } from '../conversation/conversation.service';
import { draftKeyboard, type InlineKeyboard, ticketKeyboard } from '../conversation/keyboards';
import { TelegramBotRunner } from '../runner/telegram-bot.runner';
import { type BotLanguage, botLanguage, botTexts } from '../texts/bot-texts';
import { BotChat } from './bot-chat';
import { withoutNul } from './without-nul';
import type { AttachmentInput } from '@deskgram/api/tickets';
import type { DraftFile } from '../conversation/ticket-draft.entity';

type TextContext = Context<TelegramUpdate.MessageUpdate<Message.TextMessage>> & { payload?: string };
type CallbackContext = Context<TelegramUpdate.CallbackQueryUpdate>;

/** How long a reply waits for the deliverer to record the notification it answers. */
const IN_FLIGHT_WAIT_MS = 10_000;

/** Other media than photos and documents: not taken, and the sender is told so. */
const OTHER_MEDIA = ['video', 'audio', 'voice', 'video_note', 'animation', 'sticker'] as const;
/** Telegram hands bots files of at most 20 MB. */
const TELEGRAM_DOWNLOAD_LIMIT = 20 * 1024 * 1024;
const DOWNLOAD_TIMEOUT_MS = 60_000;

/**
 * The bot listening: a Reply to a notification answers its ticket (`/note` makes it an internal note), a client's
 * other message offers to open a ticket, `/new` and `/tickets`, and the buttons under notifications. Private chats
 * only. Every effect is committed before the bot says so; a refusal changes nothing and says why.
 */
@Update()
export class ConversationUpdate {
  private readonly logger = new Logger(ConversationUpdate.name);

  constructor(
    private readonly conversation: ConversationService,
    private readonly chat: BotChat,
    private readonly runner: TelegramBotRunner,
  ) {}

  @Command('new')
  async newTicket(@Ctx() ctx: TextContext): Promise<void> {
    if (await this.chat.refusedOutsidePrivateChat(ctx)) return;
    const text = (ctx.payload ?? '').trim();
    if (!text) {
      await this.say(ctx, this.t(ctx)('newEmpty'));
      return;
    }
    await this.offerTicket(ctx, text);
  }

  @Command('note')
  async note(@Ctx() ctx: TextContext): Promise<void> {
    if (await this.chat.refusedOutsidePrivateChat(ctx)) return;
    const replyTo = ctx.message.reply_to_message;
    if (!replyTo) {
      await this.say(ctx, this.t(ctx)('noteWithoutReply'));
      return;
    }
    await this.answerTicket(ctx, replyTo.message_id, (ctx.payload ?? '').trim(), true);
  }

  @Command('tickets')
  async tickets(@Ctx() ctx: TextContext): Promise<void> {
    if (await this.chat.refusedOutsidePrivateChat(ctx)) return;
    const t = this.t(ctx);
    const lists = await this.guard(ctx, () => this.conversation.openTickets(ctx.from.id));
    if (!lists) return;
    if (lists.length === 0) {
      await this.say(ctx, t('notLinked', this.chat.portal()));
      return;
    }
    const sections = lists.map((list) => {
      const header = list.client ? t('ticketsClient', { client: list.client }) : t('ticketsStaff');
      const lines = list.tickets.map((ticket) =>
        t('ticketLine', { number: ticket.number, subject: ticket.subject, status: t(`statuses.${ticket.status}`) }),
      );
      if (lines.length === 0) lines.push(t('ticketsNone'));
      if (list.more > 0) lines.push(t('ticketsMore', { count: list.more, ...this.chat.portal() }));
      return `${header}\n${lines.join('\n')}`;
    });
    await this.say(ctx, sections.join('\n\n'));
  }

  /** Any other text in a private chat: an answer when it replies to the bot, else the offer of a new ticket. */
  @On('text')
  async text(@Ctx() ctx: TextContext): Promise<void> {
    // An edited message is not a new one: it never adds a second entry to a thread.
    if (!ctx.message || ctx.chat?.type !== 'private') return;
    const text = ctx.message.text;
    const replyTo = ctx.message.reply_to_message;
    if (replyTo) {
      await this.answerTicket(ctx, replyTo.message_id, text, false);
      return;
    }
    if (text.startsWith('/')) {
      await this.say(ctx, this.t(ctx)('help', this.chat.portal()));
      return;
    }
    await this.offerTicket(ctx, text);
  }

  /**
   * A photo (its largest size) or a document: as a Reply to a notification, an attachment of the answer (the caption
   * its text, `/note` in the caption for an internal note); otherwise, from a client, a new ticket with it.
   */
  @On(['photo', 'document'])
  async file(@Ctx() ctx: Context): Promise<void> {
    if (ctx.chat?.type !== 'private' || !ctx.message) return;
    const message = ctx.message as Message.PhotoMessage | Message.DocumentMessage;
    const t = this.t(ctx);
    const file = telegramFile(message);
    if (file.size > TELEGRAM_DOWNLOAD_LIMIT) {
      await this.say(ctx, t('fileTooBig', { name: file.fileName, ...this.chat.portal() }));
      return;
    }
    const caption = withoutNul(message.caption ?? '');
    const replyTo = message.reply_to_message;
    if (!replyTo) {
      await this.offerTicket(ctx, caption, [file]);
      return;
    }
    const note = /^\/note(@\w+)?(\s|$)/.test(caption);
    const data = await this.guard(ctx, () => this.download(file));
    if (!data) return;
    await this.answerTicket(ctx, replyTo.message_id, note ? caption.replace(/^\/note(@\w+)?/, '') : caption, note, [
      data,
    ]);
  }

  @On([...OTHER_MEDIA])
  async otherMedia(@Ctx() ctx: Context): Promise<void> {
    if (ctx.chat?.type !== 'private' || !ctx.message) return;
    await this.say(ctx, this.t(ctx)('mediaNotTaken', this.chat.portal()));
  }

  @On('callback_query')
  async press(@Ctx() ctx: CallbackContext): Promise<void> {
    const query = ctx.callbackQuery;
    const html = this.t(ctx);
    // Answers to presses are plain text: names are shown as written, not escaped.
    const t = (key: string, values: Record<string, unknown> = {}) =>
      html(key, { ...values, interpolation: { escapeValue: false } });
    const press = parseCallbackData('data' in query ? query.data : undefined);
    if (!press) {
      await this.answerPress(ctx, t('press.invalid'));
      return;
    }
    const sender = this.sender(ctx);
    const message = query.message;
    try {
      if (press.on === 'draft') {
        // The draft's files are fetched from Telegram before the ticket's transaction, and only for its author.
        const pending = press.action === 'open' ? await this.conversation.draftFiles(sender, press.id) : [];
        const files = await Promise.all(pending.map((file) => this.download(file)));
        const result = await this.conversation.pressDraft(sender, press.action, press.id, files);
        switch (result.kind) {
          case 'gone':
          case 'cancelled':
          case 'not_linked':
            await this.answerPress(
              ctx,
              t(
                { gone: 'press.draftGone', cancelled: 'press.draftCancelled', not_linked: 'press.notLinked' }[
                  result.kind
                ],
              ),
            );
            return;
          case 'already_opened':
            await this.answerPress(ctx, t('press.draftOpened', { number: result.ticket.number }));
            return;
          case 'now_cancelled':
            await this.answerPress(ctx);
            if (message) await this.editText(message.chat.id, message.message_id, html('draftCancelled'));
            return;
          case 'opened':
            await this.answerPress(ctx);
            if (message) {
              await this.editText(
                message.chat.id,
                message.message_id,
                html('draftOpened', { number: result.ticket.number, subject: result.ticket.subject }),
              );
              await this.conversation.remember(message.chat.id, message.message_id, result.ticket.id, result.userId);
            }
            return;
        }
      }
      const result = await this.conversation.pressTicket(sender, {
        messageId: message?.message_id,
        action: press.action,
        ticketId: press.id,
      });
      if (result.kind !== 'done') {
        const key = {
          not_linked: 'press.notLinked',
          staff_only: 'press.staffOnly',
          client_only: 'press.clientOnly',
          not_found: 'press.notFound',
        }[result.kind];
        await this.answerPress(ctx, t(key), true);
        return;
      }
      const number = result.ticket.number;
      const answers: Record<string, string> = {
        taken: t('press.taken', { number }),
        already_yours: t('press.alreadyYours', { number }),
        taken_by_other: t('press.takenByOther', { number, name: result.buttons.assigneeName ?? '?' }),
        closed: t('press.closed', { number }),
        resolved: t('press.resolved', { number }),
        already_resolved: t('press.alreadyResolved', { number }),
        reopened: t('press.reopened', { number }),
        not_resolved: t('press.notResolved', { number }),
      };
      await this.answerPress(ctx, answers[result.outcome]);
      if (message) {
        const keyboard = ticketKeyboard(
          result.buttons,
          { userId: result.actor.id, role: result.actor.role, language: this.language(ctx) },
          this.chat.publicUrl,
        );
        await this.editButtons(message.chat.id, message.message_id, keyboard);
      }
    } catch (error) {
      this.logger.error(`A button press failed: ${this.runner.describe(error)}`);
      await this.answerPress(ctx, t('press.failed'), true);
    }
  }

  /** A Reply (or `/note` reply) to a message of the bot: into that message's ticket, if it is the sender's. */
  private async answerTicket(
    ctx: Context,
    replyToMessageId: number,
    raw: string,
    note: boolean,
    files: AttachmentInput[] = [],
  ): Promise<void> {
    const t = this.t(ctx);
    const text = withoutNul(raw);
    if (!text.trim() && files.length === 0) {
      await this.say(ctx, t(note ? 'noteWithoutReply' : 'emptyText'));
      return;
    }
    const ask = () =>
      this.conversation.answer(this.sender(ctx), {
        updateId: ctx.update.update_id,
        replyToMessageId,
        text,
        note,
        files,
      });
    const result = await this.guard(ctx, async () => {
      // A reply may overtake the record of the notification it answers by a moment: wait for the record.
      const until = Date.now() + IN_FLIGHT_WAIT_MS;
      let answered = await ask();
      while (answered.kind === 'in_flight' && Date.now() < until) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        answered = await ask();
      }
      return answered;
    });
    if (!result || result.kind === 'repeated') return;
    const sent = await this.say(ctx, this.answerText(result, t));
    if (result.kind === 'added' && sent) {
      // A Reply to the confirmation answers the same ticket.
      await this.conversation
        .remember(this.sender(ctx).chatId, sent.message_id, result.ticket.id, result.userId)
        .catch(() => undefined);
    }
  }

  private answerText(result: Exclude<AnswerResult, { kind: 'repeated' }>, t: ReturnType<typeof botTexts>): string {
    switch (result.kind) {
      case 'added':
        return t(result.internal ? 'noteAdded' : result.reopened ? 'answerReopened' : 'answerAdded', {
          number: result.ticket.number,
        });
      case 'not_linked':
        return t('notLinked', this.chat.portal());
      case 'in_flight':
      case 'unknown_message':
        return t('replyUnknown');
      case 'not_yours':
        return t('replyNotYours');
      case 'note_staff_only':
        return t('noteStaffOnly');
      case 'invalid':
        return t('invalidText', { reason: result.reason });
      case 'not_found':
        return t('ticketNotFound');
      case 'closed':
        return t('ticketClosed', { number: result.number });
    }
  }

  /** A text without a Reply: a linked client is asked whether to open a ticket with it. */
  private async offerTicket(ctx: Context, raw: string, files: DraftFile[] = []): Promise<void> {
    const t = this.t(ctx);
    const text = withoutNul(raw);
    const result = await this.guard(ctx, () =>
      this.conversation.draft(this.sender(ctx), { updateId: ctx.update.update_id, text, files }),
    );
    if (!result) return;
    switch (result.kind) {
      case 'repeated':
        return;
      case 'not_linked':
        await this.say(ctx, t('notLinked', this.chat.portal()));
        return;
      case 'staff':
        await this.say(ctx, t('newStaff', this.chat.portal()));
        return;
      case 'invalid':
        await this.say(ctx, t('invalidText', { reason: result.reason }));
        return;
      case 'draft':
        await this.say(ctx, t('draftPrompt', { client: result.client, subject: result.subject }), {
          replyMarkup: draftKeyboard(result.id, this.language(ctx)),
        });
        return;
    }
  }

  /** A file from Telegram's servers (at most 20 MB), as an attachment to store. */
  private async download(file: DraftFile): Promise<AttachmentInput> {
    const telegram = this.runner.telegraf?.telegram;
    if (!telegram) throw new Error('The bot is not configured');
    const url = await telegram.getFileLink(file.fileId);
    const response = await fetch(url, { signal: AbortSignal.timeout(DOWNLOAD_TIMEOUT_MS) });
    if (!response.ok) throw new Error(`Telegram answered ${response.status} to a file download`);
    const data = Buffer.from(await response.arrayBuffer());
    return { fileName: file.fileName, data, size: data.length };
  }

  /** Answers a message quoting it, so that it is clear what the answer is about. */
  private say(
    ctx: Context,
    html: string,
    extra: { replyMarkup?: InlineKeyboard } = {},
  ): Promise<{ message_id: number } | undefined> {
    return this.chat.answer(ctx, html, { replyTo: ctx.message?.message_id, ...extra });
  }

  /** Runs a database step; when it fails (the database is away), says so instead of leaving the person waiting. */
  private async guard<T>(ctx: Context, step: () => Promise<T>): Promise<T | undefined> {
    try {
      return await step();
    } catch (error) {
      this.logger.error(`Handling a message failed: ${this.runner.describe(error)}`);
      await this.say(ctx, this.t(ctx)('unavailable')).catch(() => undefined);
      return undefined;
    }
  }

  /** Every press gets its answer (Telegram shows a spinner until then), refusals as an alert. */
  private async answerPress(ctx: CallbackContext, text?: string, alert = false): Promise<void> {
    try {
      await ctx.answerCbQuery(text, { show_alert: alert });
    } catch (error) {
      this.logger.warn(`Could not answer a button press: ${this.runner.describe(error)}`);
    }
  }

  private async editButtons(chatId: number, messageId: number, keyboard: InlineKeyboard | null): Promise<void> {
    const telegram = this.runner.telegraf?.telegram;
    if (!telegram) return;
    try {
      await this.runner.paced(() =>
        telegram.editMessageReplyMarkup(chatId, messageId, undefined, keyboard ?? { inline_keyboard: [] }),
      );
    } catch (error) {
      if (notModified(error)) return;
      this.logger.warn(`Could not update a message's buttons: ${this.runner.describe(error)}`);
    }
  }

  private async editText(chatId: number, messageId: number, html: string): Promise<void> {
    const telegram = this.runner.telegraf?.telegram;
    if (!telegram) return;
    try {
      await this.runner.paced(() =>
        telegram.editMessageText(chatId, messageId, undefined, html, {
          parse_mode: 'HTML',
          link_preview_options: { is_disabled: true },
        }),
      );
    } catch (error) {
      if (notModified(error)) return;
      this.logger.warn(`Could not update a message: ${this.runner.describe(error)}`);
    }
  }

  private sender(ctx: Pick<Context, 'from' | 'chat'>): TelegramSender {
    if (!ctx.from || !ctx.chat) throw new Error('An update without a sender');
    return { telegramUserId: ctx.from.id, chatId: ctx.chat.id };
  }

  private language(ctx: Pick<Context, 'from'>): BotLanguage {
    return botLanguage(ctx.from?.language_code);
  }

  private t(ctx: Pick<Context, 'from'>): ReturnType<typeof botTexts> {
    return botTexts(this.language(ctx));
  }
}

/** The file of a photo (its largest size) or document message, with a name for the thread. */
function telegramFile(message: Message.PhotoMessage | Message.DocumentMessage): DraftFile {
  if ('document' in message) {
    const document = message.document;
    return {
      fileId: document.file_id,
      fileName: document.file_name || `document-${message.message_id}`,
      size: document.file_size ?? 0,
    };
  }
  const largest = [...message.photo].sort(
    (a, b) => (b.file_size ?? b.width * b.height) - (a.file_size ?? a.width * a.height),
  )[0];
  return { fileId: largest.file_id, fileName: `photo-${message.message_id}.jpg`, size: largest.file_size ?? 0 };
}

function notModified(error: unknown): boolean {
  return error instanceof TelegramError && error.code === 400 && /not modified/i.test(error.description);
}
