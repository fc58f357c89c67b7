import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type SessionDto, type TicketDto } from '@deskgram/api-client';
import { AuthStore, authInterceptor, SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import {
  apiError,
  click,
  expectRequest,
  providePortalForTests,
  statusText,
  textOf,
  until,
} from '@deskgram/portal/testing';
import { MiniApp } from '../mini-app';
import { MINI_APP_ROUTES } from '../mini-app.routes';

const INIT_DATA = 'query_id=AA&user=%7B%22id%22%3A42%7D&auth_date=1700000000&hash=abc';

function session(role: 'client' | 'agent'): SessionDto {
  return {
    accessToken: `access-${role}`,
    refreshToken: `refresh-${role}`,
    user: { id: `u-${role}`, email: `${role}@example.com`, displayName: 'Clara', role, clientId: null },
  };
}

@Component({ selector: 'dg-blank', template: '' })
class Blank {}

/** The `MiniApp` service as a page sees it inside Telegram. */
function fakeMiniApp(startParam?: string) {
  return {
    active: signal(true),
    rawInitData: jest.fn(() => INIT_DATA),
    startParam: jest.fn(() => startParam),
    haptic: jest.fn(),
    ready: jest.fn(),
    openTelegramLink: jest.fn(),
  };
}

describe('the Mini App start (/telegram)', () => {
  let http: HttpTestingController;
  let miniApp: ReturnType<typeof fakeMiniApp>;
  let harness: RouterTestingHarness;

  async function open(startParam?: string): Promise<void> {
    miniApp = fakeMiniApp(startParam);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'telegram', children: MINI_APP_ROUTES },
            { path: 'client', component: Blank },
            { path: 'client/tickets/:id', component: Blank },
            { path: 'staff', component: Blank },
            { path: 'sign-in', component: Blank },
          ],
          withComponentInputBinding(),
        ),
        providePortalForTests(),
        { provide: MiniApp, useValue: miniApp },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/telegram');
  }

  const url = () => TestBed.inject(Router).url;
  const page = () => harness.routeNativeElement as HTMLElement;

  afterEach(() => {
    http.verify();
    localStorage.clear();
  });

  it("signs in with Telegram's init data and opens the person's area", async () => {
    await open();

    expect(textOf(page())).toContain('Signing you in with Telegram');
    const request = await expectRequest(http, (r) => r.method === 'POST' && r.url === '/api/auth/telegram');
    expect(request.request.body).toEqual({ initData: INIT_DATA });
    expect(request.request.headers.has('Authorization')).toBe(false);
    request.flush(session('client'));

    await until(() => url() === '/client', 'the client area');
    expect(TestBed.inject(AuthStore).user()?.role).toBe('client');
    expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? 'null')).toEqual(session('client'));
  });

  it('opens the staff queue for an agent', async () => {
    await open();

    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(session('agent'));

    await until(() => url() === '/staff', 'the staff queue');
  });

  it("opens the start parameter's ticket, found by its number", async () => {
    await open('ticket-T-1042');
    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(session('client'));

    const search = await expectRequest(http, (r) => r.method === 'GET' && r.url === '/api/tickets');
    expect(search.request.params.get('search')).toBe('T-1042');
    expect(search.request.headers.get('Authorization')).toBe('Bearer access-client');
    search.flush({
      items: [{ id: 't-other', number: 'T-10420' } as TicketDto, { id: 't-1042', number: 'T-1042' } as TicketDto],
      total: 2,
    });

    await until(() => url() === '/client/tickets/t-1042', 'the ticket');
  });

  it('opens a ticket by id without asking, when already signed in', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session('client')));
    await open('ticket-0b7e3f2c-9d4a-4c55-8e0f-1a2b3c4d5e6f');

    await until(() => url() === '/client/tickets/0b7e3f2c-9d4a-4c55-8e0f-1a2b3c4d5e6f', 'the ticket');
  });

  it('opens the area when the ticket number is not found', async () => {
    await open('ticket-T-9');
    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(session('client'));
    (await expectRequest(http, (r) => r.url === '/api/tickets')).flush({ items: [], total: 0 });

    await until(() => url() === '/client', 'the client area');
  });

  it('sends an unlinked Telegram account to /telegram/link, which offers the e-mail sign-in', async () => {
    await open();

    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(
      apiError(401, 'Not linked', 'auth.telegram_not_linked'),
      { status: 401, statusText: 'Unauthorized' },
    );

    await until(() => url() === '/telegram/link', 'the link page');
    await harness.fixture.whenStable();
    expect(textOf(page())).toContain('This Telegram account is not linked to a Deskgram account yet');
    const signIn = page().querySelector<HTMLAnchorElement>('[data-testid="mini-app-sign-in"]');
    expect(signIn?.getAttribute('href')).toBe('/sign-in?returnUrl=%2Ftelegram%2Flink');
    expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
  });

  it.each([
    [401, 'auth.telegram_invalid', 'could not be verified'],
    [401, 'auth.telegram_expired', 'too old'],
    [400, 'auth.telegram_malformed', 'could not be verified'],
    [429, undefined, 'Too many sign-in attempts'],
    [503, 'telegram.not_configured', 'not set up'],
  ])('explains a %i %s, and Retry asks again', async (status, code, text) => {
    await open();

    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(apiError(status, 'Refused', code), {
      status,
      statusText: statusText(status),
    });

    await until(() => textOf(page()).includes(text), 'the explanation');
    expect(textOf(page())).toContain('Could not sign you in');
    expect(miniApp.haptic).toHaveBeenCalledWith('error');
    expect(miniApp.ready).toHaveBeenCalled();

    click(page(), 'Retry');
    (await expectRequest(http, (r) => r.url === '/api/auth/telegram')).flush(session('client'));
    await until(() => url() === '/client', 'the client area');
  });
});
