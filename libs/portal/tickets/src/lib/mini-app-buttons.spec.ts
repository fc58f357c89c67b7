import { signal, untracked } from '@angular/core';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type MainButtonConfig, MiniApp } from '@deskgram/portal/mini-app';
import { apiError, nextMacrotask, providePortalForTests, statusText, type, until } from '@deskgram/portal/testing';
import { detail, field, message, ticket } from '../testing/tickets';
import { AttachmentLimits } from './shared/attachments/attachment-limits';
import { CLIENT_TICKETS_ROUTES } from './tickets.routes';

/** The `MiniApp` service inside Telegram, keeping the Main button a page registered so the test can press it. */
class FakeMiniApp {
  readonly active = signal(true);
  mainButton: MainButtonConfig | null = null;
  swipesHeldWhile: (() => boolean) | null = null;
  readonly haptics: string[] = [];

  useMainButton(config: MainButtonConfig): void {
    this.mainButton = config;
  }

  holdSwipesWhile(hasText: () => boolean): void {
    this.swipesHeldWhile = hasText;
  }

  haptic(kind: string): void {
    this.haptics.push(kind);
  }

  /** What Telegram's Main button shows now. */
  state(): { text: string; enabled: boolean; busy: boolean } {
    const config = this.mainButton;
    if (!config) throw new Error('No Main button');
    return untracked(() => ({ text: config.text(), enabled: config.enabled(), busy: config.busy() }));
  }

  /** Telegram's Main button pressed (the real service calls `pressed` only when enabled and not busy). */
  press(): void {
    const { enabled, busy } = this.state();
    if (enabled && !busy) this.mainButton?.pressed();
  }
}

describe('client tickets inside Telegram (the Main button)', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  let miniApp: FakeMiniApp;

  beforeEach(() => {
    miniApp = new FakeMiniApp();
    TestBed.configureTestingModule({
      providers: [
        { provide: AttachmentLimits, useValue: { maxFiles: signal(10), maxFileBytes: signal(20 * 1024 * 1024) } },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'client/tickets', children: CLIENT_TICKETS_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
        { provide: MiniApp, useValue: miniApp },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  const page = () => harness.routeNativeElement as HTMLElement;

  async function request(method: string, url: string): Promise<TestRequest> {
    await nextMacrotask();
    return http.expectOne((r) => r.method === method && r.url === url);
  }

  async function answer(req: TestRequest, body: object, status = 200): Promise<void> {
    req.flush(body, { status, statusText: statusText(status) });
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  it('sends a reply with the Main button, which is enabled only with text and busy while sending', async () => {
    harness = await RouterTestingHarness.create(`/client/tickets/${ticket().id}`);
    await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());

    // The page's own Send button and the way back give way to Telegram's Main and Back buttons.
    expect(Array.from(page().querySelectorAll('button')).some((b) => b.textContent?.includes('Send'))).toBe(false);
    expect(page().querySelector('a.back')).toBeNull();
    expect(miniApp.state()).toEqual({ text: 'Send', enabled: false, busy: false });
    expect(miniApp.swipesHeldWhile?.()).toBe(false);

    type(field(page(), 'dg-reply-box textarea'), 'Thanks, it works now.');
    expect(miniApp.state()).toEqual({ text: 'Send', enabled: true, busy: false });
    expect(miniApp.swipesHeldWhile?.()).toBe(true);

    miniApp.press();
    const reply = await request('POST', `/api/tickets/${ticket().id}/messages`);
    expect(reply.request.body).toEqual({ body: 'Thanks, it works now.' });
    expect(miniApp.state().busy).toBe(true);
    miniApp.press();
    await answer(reply, message({ id: 'm3', body: 'Thanks, it works now.', createdAt: '2026-11-29T12:00:00.000Z' }));

    await until(() => page().querySelectorAll('.message .body').length === 3, 'the reply in the thread');
    expect(miniApp.haptics).toEqual(['success']);
    expect(miniApp.state()).toEqual({ text: 'Send', enabled: false, busy: false });
  });

  it('buzzes an error when the reply is refused', async () => {
    harness = await RouterTestingHarness.create(`/client/tickets/${ticket().id}`);
    await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());
    type(field(page(), 'dg-reply-box textarea'), 'Hello?');

    miniApp.press();
    await answer(await request('POST', `/api/tickets/${ticket().id}/messages`), apiError(500, 'Boom'), 500);

    expect(miniApp.haptics).toEqual(['error']);
  });

  it('creates a ticket with the Main button once the form is valid', async () => {
    harness = await RouterTestingHarness.create('/client/tickets/new');

    expect(Array.from(page().querySelectorAll('button')).some((b) => b.textContent?.includes('Open ticket'))).toBe(
      false,
    );
    expect(miniApp.state()).toEqual({ text: 'Open ticket', enabled: false, busy: false });
    type(field(page(), 'input.subject-input'), 'Printer offline');
    expect(miniApp.state().enabled).toBe(false);
    type(field(page(), 'textarea'), 'It is offline.');
    expect(miniApp.state().enabled).toBe(true);

    miniApp.press();
    const create = await request('POST', '/api/tickets');
    expect(create.request.body).toEqual({ subject: 'Printer offline', body: 'It is offline.', priority: 'normal' });
    create.flush(detail());
    await until(() => TestBed.inject(Router).url === `/client/tickets/${ticket().id}`, 'the new ticket');
    expect(miniApp.haptics).toEqual(['success']);
    await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());
  });
});
