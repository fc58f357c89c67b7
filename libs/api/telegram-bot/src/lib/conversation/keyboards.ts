import { isStaffRole, type Role, type TicketStatus } from '@deskgram/shared/contract';
import { type BotLanguage, botTexts } from '../texts/bot-texts';
import { callbackData } from './callback-data';

/** A Bot API inline button: a callback button, a URL button, or one that opens the portal as a Mini App. */
export type InlineButton =
  | { text: string; callback_data: string }
  | { text: string; url: string }
  | { text: string; web_app: { url: string } };

export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** The ticket as its buttons show it. */
export interface TicketButtonsState {
  id: string;
  /** `T-1042`: the Mini App's start parameter names the ticket by it. */
  number: string;
  status: TicketStatus | string;
  assigneeId: string | null;
  /** The assignee's display name, when there is one. */
  assigneeName: string | null;
}

/** Who sees the buttons: the recipient of the message. */
export interface ButtonsViewer {
  userId: string;
  role: Role;
  language: BotLanguage;
}

/**
 * Telegram refuses URL buttons to anything but a public address, and Mini Apps to anything but https, so "Open" (and
 * the menu button) are offered only for an https address with a dotted host (not `localhost`); the message's text
 * keeps its link in every case.
 */
export function portalButtonsAllowed(publicUrl: string): boolean {
  try {
    const url = new URL(publicUrl);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.hostname.endsWith('.');
  } catch {
    return false;
  }
}

/**
 * The portal opened as a Mini App at a start parameter (`ticket-T-1042`), the way `t.me/<bot>?startapp=` names one:
 * the portal reads `startapp` from its address, or `tgWebAppStartParam` when Telegram passes it.
 */
export function miniAppUrl(publicUrl: string, startParam?: string): string {
  const root = `${publicUrl.replace(/\/+$/, '')}/`;
  return startParam ? `${root}?startapp=${encodeURIComponent(startParam)}` : root;
}

export function ticketPortalUrl(publicUrl: string, role: Role, ticketId: string): string {
  return `${publicUrl.replace(/\/+$/, '')}/${isStaffRole(role) ? 'staff' : 'client'}/tickets/${ticketId}`;
}

/**
 * The buttons of a ticket message in its current state, for the person it was sent to. Staff: Take (or who has it)
 * and Resolve (or Resolved); clients: Reopen on a resolved ticket. `null` when there is nothing to press.
 */
export function ticketKeyboard(
  ticket: TicketButtonsState,
  viewer: ButtonsViewer,
  publicUrl: string,
): InlineKeyboard | null {
  const t = botTexts(viewer.language);
  const actions: InlineButton[] = [];
  if (isStaffRole(viewer.role) && ticket.status !== 'closed') {
    const take = callbackData('take', ticket.id);
    if (!ticket.assigneeId) actions.push({ text: t('buttons.take'), callback_data: take });
    else if (ticket.assigneeId === viewer.userId) actions.push({ text: t('buttons.takenByYou'), callback_data: take });
    else
      actions.push({
        text: t('buttons.takenBy', { name: ticket.assigneeName ?? '?', interpolation: { escapeValue: false } }),
        callback_data: take,
      });
    actions.push({
      text: t(ticket.status === 'resolved' ? 'buttons.resolved' : 'buttons.resolve'),
      callback_data: callbackData('resolve', ticket.id),
    });
  }
  if (!isStaffRole(viewer.role) && ticket.status === 'resolved') {
    actions.push({ text: t('buttons.reopen'), callback_data: callbackData('reopen', ticket.id) });
  }
  const rows = actions.length ? [actions] : [];
  if (portalButtonsAllowed(publicUrl)) {
    rows.push([{ text: t('buttons.open'), web_app: { url: miniAppUrl(publicUrl, `ticket-${ticket.number}`) } }]);
  }
  return rows.length ? { inline_keyboard: rows } : null;
}

/** Open / Cancel under the question whether to open a ticket with a text. */
export function draftKeyboard(draftId: string, language: BotLanguage): InlineKeyboard {
  const t = botTexts(language);
  return {
    inline_keyboard: [
      [
        { text: t('buttons.open'), callback_data: callbackData('open', draftId) },
        { text: t('buttons.cancel'), callback_data: callbackData('cancel', draftId) },
      ],
    ],
  };
}
