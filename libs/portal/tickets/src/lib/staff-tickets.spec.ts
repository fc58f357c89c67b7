import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type TicketCountsDto } from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';
import {
  apiError,
  click,
  expectRequest,
  nextMacrotask,
  providePortalForTests,
  statusText,
  textOf,
  type,
} from '@deskgram/portal/testing';
import { AGENT_ID, CLIENT_ID, detail, message, field, selectChip, ticket } from '../testing/tickets';
import { STAFF_TICKETS_ROUTES } from './tickets.routes';
import { AttachmentLimits } from './shared/attachments/attachment-limits';

const counts: TicketCountsDto = { open: 3, in_progress: 2, waiting_for_client: 1, resolved: 4, closed: 9 };
const staffUsers = {
  items: [
    {
      id: AGENT_ID,
      displayName: 'Alex Agent',
      email: 'agent@deskgram.example',
      role: 'agent',
      clientId: null,
      disabled: false,
      createdAt: '2026-01-01T00:00:00.000Z',
      lastSignInAt: null,
    },
  ],
  total: 1,
};
const clients = {
  items: [
    {
      id: CLIENT_ID,
      name: 'Northwind Trading',
      email: 'anna@northwind.example',
      phone: null,
      company: null,
      userCount: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
    },
  ],
  total: 1,
};

describe('staff tickets', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        // The server's file limits, as the API answers them by default (`GET /api/attachments/limits`).
        { provide: AttachmentLimits, useValue: { maxFiles: signal(10), maxFileBytes: signal(20 * 1024 * 1024) } },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'staff', children: STAFF_TICKETS_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
        { provide: AuthStore, useValue: { user: signal({ id: AGENT_ID, role: 'agent' }) } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  async function request(method: string, url: string): Promise<TestRequest> {
    return expectRequest(http, (r) => r.method === method && r.url === url);
  }

  async function settle(): Promise<void> {
    await nextMacrotask();
    await harness.fixture.whenStable();
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  function reply(req: TestRequest, body: object, status = 200): void {
    req.flush(body, { status, statusText: statusText(status) });
  }

  /** Opens the queue and answers the lists of staff and clients, the counts and the tickets. */
  async function openQueue(url: string): Promise<{ list: TestRequest; count: TestRequest }> {
    harness = await RouterTestingHarness.create(url);
    const count = await request('GET', '/api/tickets/counts');
    const list = await request('GET', '/api/tickets');
    reply(await request('GET', '/api/users'), staffUsers);
    reply(await request('GET', '/api/clients'), clients);
    reply(count, counts);
    reply(list, {
      items: [ticket({ assigneeId: AGENT_ID, assigneeName: 'Alex Agent', priority: 'urgent' })],
      total: 1,
    });
    await settle();
    return { list, count };
  }

  describe('queue', () => {
    it('shows the counts per status and the tickets with client, status, priority and assignee', async () => {
      const { list } = await openQueue('/staff');

      expect(list.request.params.has('status')).toBe(false);
      const chips = Array.from(page().querySelectorAll('mat-chip-option')).map(textOf);
      expect(chips).toEqual(['Open 3', 'In progress 2', 'Waiting for client 1', 'Resolved 4', 'Closed 9']);
      const row = page().querySelector('.row');
      expect(textOf(row)).toContain('T-1042');
      expect(textOf(row?.querySelector('.client'))).toBe('Northwind Trading');
      expect(textOf(row?.querySelector('.priority'))).toBe('Urgent');
      expect(textOf(row?.querySelector('.assignee'))).toBe('Alex Agent');
      expect(row?.querySelector('a')?.getAttribute('href')).toBe(`/staff/tickets/${ticket().id}`);
      const newTicket = Array.from(page().querySelectorAll('.page-header a')).find((a) => textOf(a) === 'New ticket');
      expect(newTicket?.getAttribute('href')).toBe('/staff/tickets/new');
    });

    it('filters the list by the status chip, and the counts by everything else', async () => {
      await openQueue('/staff?priority=high&assignee=none&client=' + CLIENT_ID);
      selectChip(page(), 'In progress');
      const list = await request('GET', '/api/tickets');

      expect(list.request.params.get('status')).toBe('in_progress');
      expect(list.request.params.get('priority')).toBe('high');
      expect(list.request.params.get('assigneeId')).toBe('none');
      expect(list.request.params.get('clientId')).toBe(CLIENT_ID);
      reply(list, { items: [], total: 0 });
      await settle();
      expect(TestBed.inject(Router).url).toContain('status=in_progress');
    });

    it('asks for the signed-in person’s tickets under "Mine", and searches by number', async () => {
      const first = await openQueue('/staff?assignee=mine&search=T-1042');

      expect(first.count.request.params.get('assigneeId')).toBe(AGENT_ID);
      expect(first.count.request.params.get('search')).toBe('T-1042');
      expect(first.count.request.params.has('status')).toBe(false);
      expect(first.list.request.params.get('assigneeId')).toBe(AGENT_ID);
      expect(first.list.request.params.get('search')).toBe('T-1042');
    });
  });

  describe('detail', () => {
    async function openTicket(): Promise<void> {
      harness = await RouterTestingHarness.create(`/staff/tickets/${ticket().id}`);
      const get = await request('GET', `/api/tickets/${ticket().id}`);
      reply(await request('GET', '/api/users'), staffUsers);
      reply(
        get,
        detail({
          messages: [
            ...detail().messages,
            message({
              id: 'm3',
              body: 'Probably the toner.',
              authorId: AGENT_ID,
              authorName: 'Alex Agent',
              authorRole: 'agent',
              internal: true,
            }),
          ],
        }),
      );
      await settle();
    }

    it('shows internal notes tinted and labelled', async () => {
      await openTicket();

      const messages = Array.from(page().querySelectorAll('.message'));
      expect(messages.map((m) => m.classList.contains('internal'))).toEqual([false, false, true]);
      expect(textOf(messages[2].querySelector('.internal-label'))).toBe('Internal');
      expect(messages[1].querySelector('.internal-label')).toBeNull();
    });

    it('writes an internal note when "Internal note" is chosen, and a public reply otherwise', async () => {
      await openTicket();

      click(page(), 'Internal note');
      await harness.fixture.whenStable();
      type(field(page(), 'dg-reply-box textarea'), 'Ordered new toner.');
      click(page(), 'Add note');
      const note = await request('POST', `/api/tickets/${ticket().id}/messages`);
      expect(note.request.body).toEqual({ body: 'Ordered new toner.', internal: true });
      reply(
        note,
        message({ id: 'm4', body: 'Ordered new toner.', authorId: AGENT_ID, authorRole: 'agent', internal: true }),
      );
      await settle();

      const last = Array.from(page().querySelectorAll('.message')).at(-1);
      expect(textOf(last?.querySelector('.body'))).toBe('Ordered new toner.');
      expect(last?.classList).toContain('internal');

      click(page(), 'Public reply');
      await harness.fixture.whenStable();
      type(field(page(), 'dg-reply-box textarea'), 'New toner is on its way.');
      click(page(), 'Send');
      const publicReply = await request('POST', `/api/tickets/${ticket().id}/messages`);
      expect(publicReply.request.body).toEqual({ body: 'New toner is on its way.' });
      reply(publicReply, message({ id: 'm5', body: 'New toner is on its way.', authorRole: 'agent' }));
      await settle();
      expect(Array.from(page().querySelectorAll('.message')).at(-1)?.classList).not.toContain('internal');
    });

    it('saves a new status at once and says so', async () => {
      await openTicket();

      const select = page().querySelector<HTMLElement>('mat-select.status-select');
      select?.click();
      await harness.fixture.whenStable();
      const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find(
        (o) => textOf(o) === 'Resolved',
      );
      option?.click();
      const update = await request('PATCH', `/api/tickets/${ticket().id}`);
      expect(update.request.body).toEqual({ status: 'resolved' });
      reply(update, detail({ status: 'resolved' }));
      await settle();

      expect(textOf(page().querySelector('dg-status-badge'))).toBe('Resolved');
      expect(textOf(document.querySelector('mat-snack-bar-container'))).toContain('Ticket updated');
    });

    it('assigns the ticket through the assignee select', async () => {
      await openTicket();

      page().querySelector<HTMLElement>('mat-select.assignee-select')?.click();
      await harness.fixture.whenStable();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((o) => textOf(o) === 'Alex Agent')
        ?.click();
      const update = await request('PATCH', `/api/tickets/${ticket().id}`);
      expect(update.request.body).toEqual({ assigneeId: AGENT_ID });
      reply(update, detail({ assigneeId: AGENT_ID, assigneeName: 'Alex Agent' }));
      await settle();
    });
  });
  describe('new ticket', () => {
    /** Opens the form and answers the first list of clients the picker offers. */
    async function openForm(): Promise<void> {
      harness = await RouterTestingHarness.create('/staff/tickets/new');
      const first = await request('GET', '/api/clients');
      expect(first.request.params.has('search')).toBe(false);
      reply(first, clients);
      await settle();
    }

    /** Types into the client field, answers the search with Northwind and picks it, as a person does. */
    async function pickNorthwind(): Promise<void> {
      const input = field(page(), 'input.client-input');
      input.focus();
      type(input, 'north');
      const search = await request('GET', '/api/clients');
      expect(search.request.params.get('search')).toBe('north');
      reply(search, clients);
      await settle();
      const option = Array.from(document.querySelectorAll<HTMLElement>('mat-option')).find((o) =>
        textOf(o).startsWith('Northwind Trading'),
      );
      if (!option) {
        throw new Error('No option "Northwind Trading"');
      }
      option.click();
      await harness.fixture.whenStable();
      expect(input.value).toBe('Northwind Trading');
    }

    async function fillTicket(): Promise<void> {
      type(field(page(), 'input.subject-input'), ' Scanner jams ');
      type(field<HTMLTextAreaElement>(page(), 'textarea.body-input') as unknown as HTMLInputElement, 'Called in.');
      page().querySelector<HTMLElement>('mat-select.priority-select')?.click();
      await harness.fixture.whenStable();
      Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
        .find((o) => textOf(o) === 'High')
        ?.click();
      await harness.fixture.whenStable();
    }

    it('opens a ticket for the picked client, then shows it and says so', async () => {
      await openForm();
      expect(textOf(page().querySelector('h1'))).toBe('New ticket');
      await pickNorthwind();
      await fillTicket();

      click(page(), 'Open ticket');
      const create = await request('POST', '/api/tickets');
      expect(create.request.body).toEqual({
        subject: 'Scanner jams',
        body: 'Called in.',
        priority: 'high',
        clientId: CLIENT_ID,
      });
      create.flush(detail({ priority: 'high' }));
      await nextMacrotask();
      await nextMacrotask();

      expect(TestBed.inject(Router).url).toBe(`/staff/tickets/${ticket().id}`);
      expect(textOf(document.querySelector('mat-snack-bar-container'))).toContain(
        'Ticket T-1042 opened for Northwind Trading',
      );
      const get = await request('GET', `/api/tickets/${ticket().id}`);
      reply(await request('GET', '/api/users'), staffUsers);
      reply(get, detail());
      await settle();
    });

    it('opens a ticket for the client with a file, as a form with the client', async () => {
      await openForm();
      await pickNorthwind();
      await fillTicket();
      const zone = field(page(), '[data-testid="drop-zone"]');
      const drop = new Event('drop', { bubbles: true, cancelable: true });
      const photo = new File([new Uint8Array(5)], 'photo.jpg', { type: 'image/jpeg' });
      Object.defineProperty(drop, 'dataTransfer', { value: { files: [photo], types: ['Files'] } });
      zone.dispatchEvent(drop);
      await harness.fixture.whenStable();

      click(page(), 'Open ticket');
      const create = await request('POST', '/api/tickets');
      const form = create.request.body as FormData;
      expect(
        Object.fromEntries(['subject', 'body', 'priority', 'clientId'].map((key) => [key, form.get(key)])),
      ).toEqual({ subject: 'Scanner jams', body: 'Called in.', priority: 'high', clientId: CLIENT_ID });
      expect((form.getAll('files') as File[]).map((f) => f.name)).toEqual(['photo.jpg']);
      create.flush(detail());
      await nextMacrotask();
      await nextMacrotask();
      expect(TestBed.inject(Router).url).toBe(`/staff/tickets/${ticket().id}`);
      const get = await request('GET', `/api/tickets/${ticket().id}`);
      reply(await request('GET', '/api/users'), staffUsers);
      reply(get, detail());
      await settle();
    });

    it('sends nothing without a picked client, a subject and a description, and says what is missing', async () => {
      await openForm();
      click(page(), 'Open ticket');
      await harness.fixture.whenStable();

      expect(textOf(page())).toContain('Choose the client.');
      expect(textOf(page())).toContain('Enter a subject.');
      expect(textOf(page())).toContain('Describe the problem or attach a file.');

      type(field(page(), 'input.client-input'), 'Northwind');
      await harness.fixture.whenStable();
      expect(textOf(page())).toContain('Pick a client from the list.');
      reply(await request('GET', '/api/clients'), clients);
      await settle();
      http.expectNone((r) => r.method === 'POST');
    });

    it('shows in the form why the API refused the ticket', async () => {
      await openForm();
      await pickNorthwind();
      await fillTicket();

      click(page(), 'Open ticket');
      reply(
        await request('POST', '/api/tickets'),
        apiError(400, `No client with id ${CLIENT_ID}`, 'ticket.client_unknown'),
        400,
      );
      await settle();

      expect(textOf(page().querySelector('form [role="alert"]'))).toBe(
        'This client no longer exists. Choose another one.',
      );
      expect(TestBed.inject(Router).url).toBe('/staff/tickets/new');
    });
  });
});
