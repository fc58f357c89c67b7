import { CALLBACK_DATA_LIMIT, callbackData, parseCallbackData } from './callback-data';
import { draftKeyboard, miniAppUrl, portalButtonsAllowed, ticketKeyboard, type TicketButtonsState } from './keyboards';

const ID = '5f0c6a52-1b7e-4a8c-9d2e-3f4a5b6c7d8e';
const ME = 'a1a1a1a1-1b7e-4a8c-9d2e-3f4a5b6c7d8e';
const PUBLIC = 'https://help.example.org';

function labels(keyboard: ReturnType<typeof ticketKeyboard>): string[] {
  return (keyboard?.inline_keyboard ?? []).flat().map((button) => button.text);
}

describe('button data', () => {
  it('stays within Telegram’s 64 bytes for every action and names only the action and the id', () => {
    for (const action of ['take', 'resolve', 'reopen', 'open', 'cancel'] as const) {
      const data = callbackData(action, ID);
      expect(Buffer.byteLength(data)).toBeLessThanOrEqual(CALLBACK_DATA_LIMIT);
      expect(data).toBe(`${action}:${ID}`);
      expect(parseCallbackData(data)).toEqual({
        on: ['open', 'cancel'].includes(action) ? 'draft' : 'ticket',
        action,
        id: ID,
      });
    }
  });

  it.each([
    undefined,
    '',
    'take',
    `take:${ID}:extra`,
    `delete:${ID}`,
    'take:not-a-uuid',
    `TAKE:${ID}`,
    `take:${ID.toUpperCase()}`,
    ` take:${ID}`,
    'x'.repeat(64),
  ])('refuses data no button of ours carries: %p', (data) => {
    expect(parseCallbackData(data)).toBeNull();
  });
});

describe('ticket buttons', () => {
  const open: TicketButtonsState = { id: ID, number: 'T-1042', status: 'open', assigneeId: null, assigneeName: null };
  const staff = { userId: ME, role: 'agent' as const, language: 'en' as const };
  const client = { userId: ME, role: 'client' as const, language: 'en' as const };

  it('offers staff Take and Resolve, then shows who has it and that it is resolved', () => {
    expect(labels(ticketKeyboard(open, staff, PUBLIC))).toEqual(['Take', 'Resolve', 'Open']);
    expect(labels(ticketKeyboard({ ...open, assigneeId: ME, assigneeName: 'Sam' }, staff, PUBLIC))).toEqual([
      '✅ Taken by you',
      'Resolve',
      'Open',
    ]);
    const other = { ...open, assigneeId: 'b2', assigneeName: 'Alex & <Co>', status: 'resolved' };
    // Button labels are plain text: a name is shown as written, not escaped.
    expect(labels(ticketKeyboard(other, staff, PUBLIC))).toEqual(['👤 Alex & <Co>', '✅ Resolved', 'Open']);
    expect(labels(ticketKeyboard({ ...open, status: 'closed' }, staff, 'http://localhost:3000'))).toEqual([]);
    expect(ticketKeyboard({ ...open, status: 'closed' }, staff, 'http://localhost:3000')).toBeNull();
  });

  it('offers clients Reopen on a resolved ticket only, in their language', () => {
    expect(labels(ticketKeyboard(open, client, PUBLIC))).toEqual(['Open']);
    expect(labels(ticketKeyboard({ ...open, status: 'resolved' }, client, PUBLIC))).toEqual(['Reopen', 'Open']);
    expect(labels(ticketKeyboard({ ...open, status: 'resolved' }, { ...client, language: 'ru' }, PUBLIC))).toEqual([
      'Открыть снова',
      'Открыть',
    ]);
    // The portal opens as a Mini App at the ticket, named by its number as a start parameter.
    expect(ticketKeyboard(open, client, `${PUBLIC}/`)?.inline_keyboard[0][0]).toEqual({
      text: 'Open',
      web_app: { url: `${PUBLIC}/?startapp=ticket-T-1042` },
    });
    expect(miniAppUrl('https://help.example.org/desk/')).toBe('https://help.example.org/desk/');
  });

  it('offers the portal as a Mini App button only for an https address with a dotted host, as Telegram requires', () => {
    expect(portalButtonsAllowed('https://help.example.org')).toBe(true);
    expect(portalButtonsAllowed('https://help.example.org:8443/desk')).toBe(true);
    expect(portalButtonsAllowed('http://help.example.org')).toBe(false);
    expect(portalButtonsAllowed('https://localhost:3000')).toBe(false);
    expect(portalButtonsAllowed('http://localhost:3000')).toBe(false);
    expect(portalButtonsAllowed('not a url')).toBe(false);
  });

  it('asks Open or Cancel under a draft', () => {
    expect(draftKeyboard(ID, 'en').inline_keyboard).toEqual([
      [
        { text: 'Open', callback_data: `open:${ID}` },
        { text: 'Cancel', callback_data: `cancel:${ID}` },
      ],
    ]);
  });
});
