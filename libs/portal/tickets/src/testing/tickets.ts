import { type TicketDetailDto, type TicketDto, type TicketMessageDto } from '@deskgram/api-client';

export const CLIENT_ID = '4b0f4c1e-4e0c-4c43-9f3a-8d3f1f7f0a01';
export const AGENT_ID = '7c1e2d3f-0000-4000-8000-000000000002';
export const ANNA_ID = '7c1e2d3f-0000-4000-8000-000000000010';

export function ticket(overrides: Partial<TicketDto> = {}): TicketDto {
  return {
    id: '9a000000-0000-4000-8000-000000001042',
    number: 'T-1042',
    subject: 'Printer offline',
    status: 'open',
    priority: 'normal',
    clientId: CLIENT_ID,
    clientName: 'Northwind Trading',
    creatorId: ANNA_ID,
    assigneeId: null,
    assigneeName: null,
    createdAt: '2026-11-29T10:00:00.000Z',
    updatedAt: '2026-11-29T10:00:00.000Z',
    lastActivityAt: '2026-11-29T10:00:00.000Z',
    ...overrides,
  };
}

export function message(overrides: Partial<TicketMessageDto> = {}): TicketMessageDto {
  return {
    id: 'm1',
    body: 'The printer on the second floor is offline.',
    authorId: ANNA_ID,
    authorName: 'Anna Smith',
    authorRole: 'client',
    internal: false,
    via: 'portal',
    createdAt: '2026-11-29T10:00:00.000Z',
    attachments: [],
    ...overrides,
  };
}

export function detail(overrides: Partial<TicketDetailDto> = {}): TicketDetailDto {
  return {
    ...ticket(),
    messages: [
      message(),
      message({
        id: 'm2',
        body: 'We are looking into it.',
        authorId: AGENT_ID,
        authorName: 'Alex Agent',
        authorRole: 'agent',
        createdAt: '2026-11-29T11:00:00.000Z',
      }),
    ],
    ...overrides,
  };
}

/**
 * Picks a status chip the way a person does. The chip harness would wait for the page to be stable, which it is not
 * while the list the chip asked for is loading.
 */
export function selectChip(root: ParentNode, text: string): void {
  const chip = Array.from(root.querySelectorAll('mat-chip-option')).find((element) =>
    (element.textContent ?? '').replace(/\s+/g, ' ').trim().startsWith(text),
  );
  const action = chip?.querySelector<HTMLElement>('.mdc-evolution-chip__action--primary');
  if (!action) {
    throw new Error(`No chip "${text}"`);
  }
  action.click();
}

/** The element `selector` finds, or a failure that names it. */
export function field<T extends Element = HTMLInputElement>(root: ParentNode, selector: string): T {
  const element = root.querySelector<T>(selector);
  if (!element) {
    throw new Error(`Nothing matches "${selector}"`);
  }
  return element;
}
