/**
 * What a button press asks for. `callback_data` is the action and the id of the ticket or draft it is about, e.g.
 * `take:5f0c…` (at most 44 bytes of Telegram's 64). It carries no secret and grants nothing: every press is
 * authorised again against the presser's linked account at that moment, so data a modified client invents can at
 * most ask for something its sender may do anyway.
 */
export const TICKET_ACTIONS = ['take', 'resolve', 'reopen'] as const;
export const DRAFT_ACTIONS = ['open', 'cancel'] as const;

export type TicketAction = (typeof TICKET_ACTIONS)[number];
export type DraftAction = (typeof DRAFT_ACTIONS)[number];

export type ButtonPress =
  | { on: 'ticket'; action: TicketAction; id: string }
  | { on: 'draft'; action: DraftAction; id: string };

/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_LIMIT = 64;

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const PATTERN = new RegExp(`^(${[...TICKET_ACTIONS, ...DRAFT_ACTIONS].join('|')}):(${UUID})$`);

export function callbackData(action: TicketAction | DraftAction, id: string): string {
  const data = `${action}:${id}`;
  if (!PATTERN.test(data)) throw new Error(`Not a button's data: ${data}`);
  return data;
}

/** The press the data stands for, or `null` for data no button of ours carries (tampered, or from an old version). */
export function parseCallbackData(data: string | undefined): ButtonPress | null {
  const match = PATTERN.exec(data ?? '');
  if (!match) return null;
  const [, action, id] = match;
  return (TICKET_ACTIONS as readonly string[]).includes(action)
    ? { on: 'ticket', action: action as TicketAction, id }
    : { on: 'draft', action: action as DraftAction, id };
}
