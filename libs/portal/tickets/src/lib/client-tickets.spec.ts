import { signal } from '@angular/core';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSelectHarness } from '@angular/material/select/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import {
  apiError,
  click,
  nextMacrotask,
  providePortalForTests,
  statusText,
  textOf,
  type,
} from '@deskgram/portal/testing';
import { detail, message, field, selectChip, ticket } from '../testing/tickets';
import { CLIENT_TICKETS_ROUTES } from './tickets.routes';
import { AttachmentLimits } from './shared/attachments/attachment-limits';

describe('client tickets', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let loader: HarnessLoader;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        // The server's file limits, as the API answers them by default (`GET /api/attachments/limits`).
        { provide: AttachmentLimits, useValue: { maxFiles: signal(10), maxFileBytes: signal(20 * 1024 * 1024) } },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'client/tickets', children: CLIENT_TICKETS_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
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
    await nextMacrotask();
    return http.expectOne((r) => r.method === method && r.url === url);
  }

  async function answer(req: TestRequest, body: object, status = 200): Promise<void> {
    req.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function open(url: string): Promise<void> {
    harness = await RouterTestingHarness.create(url);
    loader = TestbedHarnessEnvironment.loader(harness.fixture);
  }

  describe('list', () => {
    it('lists the tickets with number, subject and status, and filters by a status chip', async () => {
      await open('/client/tickets');
      const first = await request('GET', '/api/tickets');
      expect(first.request.params.has('status')).toBe(false);
      expect(first.request.params.get('page')).toBe('1');
      await answer(first, {
        items: [ticket(), ticket({ id: 't2', number: 'T-1043', subject: 'VPN', status: 'waiting_for_client' })],
        total: 2,
      });

      const rows = Array.from(page().querySelectorAll('.row')).map(textOf);
      expect(rows[0]).toContain('T-1042Printer offlineOpen');
      expect(rows[1]).toContain('T-1043VPNWaiting for client');
      expect(page().querySelector('.row a')?.getAttribute('href')).toBe(`/client/tickets/${ticket().id}`);

      selectChip(page(), 'Waiting for client');
      const filtered = await request('GET', '/api/tickets');
      expect(filtered.request.params.get('status')).toBe('waiting_for_client');
      expect(TestBed.inject(Router).url).toBe('/client/tickets?status=waiting_for_client');
      await answer(filtered, { items: [], total: 0 });
      expect(textOf(page().querySelector('.state'))).toContain('No tickets match');
    });

    it('offers a first ticket when there are none, and Retry after an error', async () => {
      await open('/client/tickets');
      await answer(await request('GET', '/api/tickets'), apiError(500, 'Internal server error'), 500);
      expect(textOf(page().querySelector('[role="alert"]'))).toContain('The tickets could not be loaded.');

      click(page(), 'Retry');
      await answer(await request('GET', '/api/tickets'), { items: [], total: 0 });
      expect(textOf(page().querySelector('.state'))).toContain('No tickets yet');
      expect(Array.from(page().querySelectorAll('a')).filter((a) => textOf(a) === 'New ticket')).toHaveLength(2);
    });
  });

  describe('new ticket', () => {
    it('sends the subject, description and priority, then opens the new ticket', async () => {
      await open('/client/tickets/new');
      const form = page();
      type(field(form, 'input.subject-input'), '  Printer offline ');
      type(field(form, 'textarea'), 'It is offline.');
      const select = await loader.getHarness(MatSelectHarness);
      await select.open();
      await select.clickOptions({ text: 'Urgent' });

      click(form, 'Open ticket');
      const create = await request('POST', '/api/tickets');
      expect(create.request.body).toEqual({ subject: 'Printer offline', body: 'It is offline.', priority: 'urgent' });
      create.flush(detail({ priority: 'urgent' }));
      await nextMacrotask();
      await nextMacrotask();

      expect(TestBed.inject(Router).url).toBe(`/client/tickets/${ticket().id}`);
      await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());
    });

    it('shows in the form why the API refused the ticket', async () => {
      await open('/client/tickets/new');
      type(field(page(), 'input.subject-input'), 'Printer offline');
      type(field(page(), 'textarea'), 'It is offline.');

      click(page(), 'Open ticket');
      await answer(await request('POST', '/api/tickets'), apiError(403, 'This account belongs to no client'), 403);

      expect(textOf(page().querySelector('form [role="alert"]'))).toBe('This account belongs to no client');
      expect(TestBed.inject(Router).url).toBe('/client/tickets/new');
    });

    it('sends nothing while the subject or description is empty', async () => {
      await open('/client/tickets/new');
      click(page(), 'Open ticket');
      await nextMacrotask();
      await harness.fixture.whenStable();

      http.expectNone('/api/tickets');
      expect(textOf(page())).toContain('Enter a subject.');
      expect(textOf(page())).toContain('Describe the problem or attach a file.');
    });
  });

  describe('thread', () => {
    it('shows the messages oldest first, the client’s apart from support’s, and the status', async () => {
      await open(`/client/tickets/${ticket().id}`);
      await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());

      expect(page().querySelector('h1')?.textContent?.trim()).toBe('Printer offline');
      expect(textOf(page().querySelector('dg-status-badge'))).toBe('Open');
      const messages = Array.from(page().querySelectorAll('.message'));
      expect(messages.map((m) => textOf(m.querySelector('.body')))).toEqual([
        'The printer on the second floor is offline.',
        'We are looking into it.',
      ]);
      expect(messages[0].classList).toContain('from-client');
      expect(messages[1].classList).toContain('from-staff');
      // A client never chooses between a reply and an internal note.
      expect(page().querySelector('mat-button-toggle-group')).toBeNull();
    });

    it('posts a reply and adds it to the end of the thread', async () => {
      await open(`/client/tickets/${ticket().id}`);
      await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());

      type(field(page(), 'dg-reply-box textarea'), 'Thanks, it works now.');
      click(page(), 'Send');
      const reply = await request('POST', `/api/tickets/${ticket().id}/messages`);
      expect(reply.request.body).toEqual({ body: 'Thanks, it works now.' });
      await answer(reply, message({ id: 'm3', body: 'Thanks, it works now.', createdAt: '2026-11-29T12:00:00.000Z' }));

      const bodies = Array.from(page().querySelectorAll('.message .body')).map(textOf);
      expect(bodies).toHaveLength(3);
      expect(bodies[2]).toBe('Thanks, it works now.');
      expect(page().querySelector<HTMLTextAreaElement>('dg-reply-box textarea')?.value).toBe('');
    });

    it('says replies are closed on a closed ticket, and has no reply box', async () => {
      await open(`/client/tickets/${ticket().id}`);
      await answer(await request('GET', `/api/tickets/${ticket().id}`), detail({ status: 'closed' }));

      expect(textOf(page().querySelector('.closed-note'))).toContain('replies are closed');
      expect(page().querySelector('dg-reply-box')).toBeNull();
    });

    it('closes the reply box when the API says the ticket was closed meanwhile', async () => {
      await open(`/client/tickets/${ticket().id}`);
      await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());

      type(field(page(), 'dg-reply-box textarea'), 'Hello?');
      click(page(), 'Send');
      await answer(
        await request('POST', `/api/tickets/${ticket().id}/messages`),
        apiError(409, 'The ticket is closed', 'ticket.closed'),
        409,
      );

      expect(page().querySelector('dg-reply-box')).toBeNull();
      expect(textOf(page().querySelector('dg-status-badge'))).toBe('Closed');
    });
  });
});
