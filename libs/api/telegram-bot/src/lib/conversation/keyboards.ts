import { isStaffRole, type Role, type TicketStatus } from '@deskgram/shared/contract';
import { type BotLanguage, botTexts } from '../texts/bot-texts';
import { callbackData } from './callback-data';

/** A Bot API inline button: a callback button or a URL button. */
export type InlineButton = { text: string; callback_data: string } | { text: string; url: string };

export interface InlineKeyboard {
  inline_keyboard: InlineButton[][];
}

/** The ticket as its buttons show it. */
export interface TicketButtonsState {
  id: string;
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
 * Telegram refuses URL buttons to anything but a public address, so "Open in portal" is offered only for an https
 * address with a dotted host (not `localhost`); the message's text keeps its link in every case.
 */
export function portalButtonsAllowed(publicUrl: string): boolean {
  try {
    const url = new URL(publicUrl);
    return url.protocol === 'https:' && url.hostname.includes('.') && !url.hostname.endsWith('.');
  } catch {
    return false;
  }
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
    rows.push([{ text: t('buttons.openInPortal'), url: ticketPortalUrl(publicUrl, viewer.role, ticket.id) }]);
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
