import { Logger } from '@nestjs/common';
import { Command, Ctx, Help, On, Start, Update } from 'nestjs-telegraf';
import type { Context } from 'telegraf';
import type { Update as TelegramUpdate } from 'telegraf/types';
import { escapeHtml } from '@deskgram/api/common';
import { type LinkedAccount, TelegramLinksService } from '@deskgram/api/telegram-links';
import { BotChat } from './bot-chat';
import { withoutNul } from './without-nul';
import { type BotLanguage, botLanguage, botTexts } from '../texts/bot-texts';

type CommandContext = Context & { payload?: string };

/**
 * The bot's side of linking: `/start <token>`, `/stop`, `/status`, `/help`, and Telegram's word that the bot was
 * blocked or restarted. Telegraf routes `/start` here only when the message carries a `bot_command` entity. Every
 * command works in a private chat only: in a group the answer would show a person's accounts to everyone there, and
 * a link made from a group would point notifications at the group.
 */
@Update()
export class LinkingUpdate {
  private readonly logger = new Logger(LinkingUpdate.name);

  constructor(
    private readonly links: TelegramLinksService,
    private readonly chat: BotChat,
  ) {}

  @Start()
  async start(@Ctx() ctx: CommandContext): Promise<void> {
    const from = ctx.from;
    if (!from || !ctx.chat || (await this.chat.refusedOutsidePrivateChat(ctx))) return;
    const language = botLanguage(from.language_code);
    const t = botTexts(language);
    const payload = (ctx.payload ?? '').trim();
    if (!payload) {
      const accounts = await this.links.accountsOf(from.id);
      await this.chat.answer(
        ctx,
        accounts.length
          ? t('welcomeLinked', { accounts: listAccounts(accounts, language, ', ') })
          : t('welcome', this.chat.portal()),
      );
      return;
    }
    const result = await this.links.redeem(payload, ctx.update.update_id, {
      telegramUserId: from.id,
      chatId: ctx.chat.id,
      username: withoutNul(from.username) ?? null,
      firstName: withoutNul(from.first_name),
      language,
    });
    switch (result.kind) {
      case 'repeated':
        return;
      case 'linked':
        this.logger.log(`A ${result.account.role} linked Telegram`);
        await this.chat.answer(ctx, t('linked', { name: result.account.displayName, email: result.account.email }));
        return;
      case 'already_linked':
        await this.chat.answer(
          ctx,
          t('alreadyLinked', { name: result.account.displayName, email: result.account.email }),
        );
        return;
      case 'used':
      case 'expired':
      case 'unknown':
        await this.chat.answer(ctx, t(result.kind, this.chat.portal()));
        return;
    }
  }

  @Command('stop')
  async stop(@Ctx() ctx: Context): Promise<void> {
    if (!ctx.from || (await this.chat.refusedOutsidePrivateChat(ctx))) return;
    const language = botLanguage(ctx.from.language_code);
    const t = botTexts(language);
    const accounts = await this.links.unlinkTelegramUser(ctx.from.id);
    if (accounts.length) this.logger.log(`Telegram unlinked from ${accounts.length} account(s) by /stop`);
    await this.chat.answer(
      ctx,
      accounts.length
        ? t('stopped', { accounts: listAccounts(accounts, language, ', ') })
        : t('notLinked', this.chat.portal()),
    );
  }

  @Command('status')
  async status(@Ctx() ctx: Context): Promise<void> {
    if (!ctx.from || (await this.chat.refusedOutsidePrivateChat(ctx))) return;
    const language = botLanguage(ctx.from.language_code);
    const t = botTexts(language);
    const accounts = await this.links.accountsOf(ctx.from.id);
    await this.chat.answer(
      ctx,
      accounts.length
        ? t('status', { accounts: listAccounts(accounts, language, '\n') })
        : t('notLinked', this.chat.portal()),
    );
  }

  @Help()
  async help(@Ctx() ctx: Context): Promise<void> {
    if (await this.chat.refusedOutsidePrivateChat(ctx)) return;
    await this.chat.answer(ctx, botTexts(botLanguage(ctx.from?.language_code))('help', this.chat.portal()));
  }

  /** Blocking the bot (or pressing Restart after) arrives as a change of the bot's membership in the private chat. */
  @On('my_chat_member')
  async membershipChanged(@Ctx() ctx: Context<TelegramUpdate.MyChatMemberUpdate>): Promise<void> {
    const change = ctx.update.my_chat_member;
    if (change.chat.type !== 'private') return;
    const status = change.new_chat_member.status;
    const state = status === 'kicked' ? 'blocked' : status === 'member' ? 'connected' : undefined;
    if (!state) return;
    const changed = await this.links.setStateByTelegramUser(change.from.id, state);
    if (changed) this.logger.log(`A Telegram link is now ${state}`);
  }
}

function listAccounts(accounts: LinkedAccount[], language: BotLanguage, separator: string): string {
  const roles = botTexts(language);
  return accounts
    .map(
      (account) =>
        `<b>${escapeHtml(account.displayName)}</b> (${escapeHtml(account.email)}, ${roles(`roles.${account.role}`)})`,
    )
    .join(separator);
}
