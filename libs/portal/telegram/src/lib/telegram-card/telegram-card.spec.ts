import { Clipboard } from '@angular/cdk/clipboard';
import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { type Role, type SessionDto, type TelegramLinkDto, type TelegramStatusDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { LanguageStore } from '@deskgram/portal/core';
import {
  apiError,
  click,
  nextMacrotask,
  providePortalForTests,
  settle,
  statusText,
  textOf,
} from '@deskgram/portal/testing';
import { TELEGRAM_STATUS_POLL_MS } from '../telegram-connection-store';
import { TelegramCard } from './telegram-card';

const NOW = new Date('2026-11-29T10:00:00.000Z');

const notConnected: TelegramStatusDto = {
  botConfigured: true,
  connected: false,
  state: 'not_connected',
  username: null,
  firstName: null,
  linkedAt: null,
};
const connected: TelegramStatusDto = {
  botConfigured: true,
  connected: true,
  state: 'connected',
  username: 'anna_h',
  firstName: 'Anna',
  linkedAt: '2026-11-29T10:00:30.000Z',
};
const blocked: TelegramStatusDto = { ...connected, connected: false, state: 'blocked' };
const link: TelegramLinkDto = {
  url: 'https://t.me/deskgram_test_bot?start=Zx81kq0sL2',
  qrCode: 'data:image/png;base64,iVBORw0KGgo=',
  expiresAt: new Date(NOW.getTime() + 15 * 60_000).toISOString(),
};

function signInAs(role: Role): void {
  const session: SessionDto = {
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: 'id', email: 'anna@northwind.example', displayName: 'Anna Lee', role, clientId: null },
  };
  localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
}

describe(TelegramCard.name, () => {
  let http: HttpTestingController;
  let fixture: ComponentFixture<TelegramCard>;
  let clipboard: { copy: jest.Mock };

  beforeEach(() => {
    // Only the card's intervals and the clock are fake: the HTTP client and Angular's scheduler keep real timeouts.
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'clearImmediate',
        'setTimeout',
        'clearTimeout',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'hrtime',
        'performance',
      ],
      now: NOW,
    });
    localStorage.clear();
    clipboard = { copy: jest.fn(() => true) };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        providePortalForTests(),
        { provide: Clipboard, useValue: clipboard },
      ],
    });
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => {
    fixture?.destroy();
    document.querySelectorAll('.cdk-overlay-container').forEach((overlay) => (overlay.innerHTML = ''));
    http.verify();
    jest.useRealTimers();
  });

  function card(): HTMLElement {
    return fixture.nativeElement as HTMLElement;
  }

  async function answer(method: string, url: string, body: object, status = 200): Promise<void> {
    await nextMacrotask();
    http.expectOne({ method, url }).flush(body, { status, statusText: statusText(status) });
    await settle(fixture);
  }

  async function open(status: TelegramStatusDto, role: Role = 'client'): Promise<void> {
    signInAs(role);
    fixture = TestBed.createComponent(TelegramCard);
    const area = role === 'client' ? 'client' : 'user';
    await answer('GET', `/api/telegram/${area}/status`, status);
  }

  async function connect(): Promise<void> {
    click(card(), 'Connect Telegram');
    await answer('POST', '/api/telegram/client/generate-link', link);
  }

  /** Lets the clock run, as the seconds pass on the page. */
  async function wait(ms: number): Promise<void> {
    jest.advanceTimersByTime(ms);
    await settle(fixture);
  }

  function buttons(): string[] {
    return Array.from(card().querySelectorAll('button, a[mat-flat-button]')).map(textOf);
  }

  function snackBar(): string {
    return textOf(document.querySelector('.mat-mdc-snack-bar-label'));
  }

  it('says Telegram is not set up when the server has no bot, and offers nothing to press', async () => {
    await open({ ...notConnected, botConfigured: false });

    expect(textOf(card())).toContain('Telegram notifications are not set up on this server.');
    expect(card().querySelector('mat-card')?.classList).toContain('muted');
    expect(buttons()).toEqual([]);
  });

  it('shows a skeleton while loading, and "Retry" when the status could not be loaded', async () => {
    signInAs('client');
    fixture = TestBed.createComponent(TelegramCard);
    await fixture.whenStable();
    expect(textOf(card().querySelector('[role="status"]'))).toBe('Loading your Telegram connection…');

    await answer('GET', '/api/telegram/client/status', apiError(500, 'Internal server error'), 500);
    expect(textOf(card().querySelector('[role="alert"]'))).toContain('Your Telegram connection could not be loaded.');

    click(card(), 'Retry');
    await answer('GET', '/api/telegram/client/status', notConnected);
    expect(buttons()).toEqual(['Connect Telegram']);
  });

  it('connects: shows the code, counts down, and turns to connected once Start was pressed in Telegram', async () => {
    await open(notConnected);
    expect(textOf(card())).toContain('Get new replies to your tickets, status changes and invoices in Telegram');

    await connect();

    const qr = card().querySelector('img.qr');
    expect(qr?.getAttribute('src')).toBe(link.qrCode);
    expect(qr?.getAttribute('alt')).toBe('QR code that opens the Deskgram bot in Telegram and connects your account');
    const openTelegram = card().querySelector<HTMLAnchorElement>('a.open');
    expect(textOf(openTelegram)).toBe('Open Telegram');
    expect(openTelegram?.getAttribute('href')).toBe(link.url);
    expect(openTelegram?.getAttribute('target')).toBe('_blank');
    expect(openTelegram?.getAttribute('rel')).toBe('noopener');
    expect(textOf(card().querySelector('.link'))).toBe(link.url);
    expect(textOf(card().querySelector('[role="timer"]'))).toBe('Expires in 15:00');

    await wait(1000);
    expect(textOf(card().querySelector('[role="timer"]'))).toBe('Expires in 14:59');

    // The first question after three seconds: not yet.
    await wait(TELEGRAM_STATUS_POLL_MS - 1000);
    await answer('GET', '/api/telegram/client/status', notConnected);
    expect(card().querySelector('img.qr')).not.toBeNull();

    // The person pressed Start; the next question finds them connected.
    await wait(TELEGRAM_STATUS_POLL_MS);
    await answer('GET', '/api/telegram/client/status', connected);

    expect(card().querySelector('img.qr')).toBeNull();
    expect(textOf(card().querySelector('.connected-as'))).toBe('Connected as @anna_h since 29 Nov 2026');
    expect(textOf(card().querySelector('.badge'))).toBe('Connected');
    expect(textOf(card().querySelector('[aria-live="polite"]'))).toBe('Connected as @anna_h');

    // Connected, the card asks no more.
    await wait(3 * TELEGRAM_STATUS_POLL_MS);
    http.expectNone('/api/telegram/client/status');
  });

  it('copies the link and says so', async () => {
    await open(notConnected);
    await connect();

    click(card(), 'Copy');
    await fixture.whenStable();

    expect(clipboard.copy).toHaveBeenCalledWith(link.url);
    expect(snackBar()).toBe('Link copied');
  });

  it('says when the code has expired, stops asking, and offers a new code', async () => {
    await open(notConnected);
    await connect();
    http.match('/api/telegram/client/status');

    // Fifteen minutes of a tab in the background: the status is still asked for while the code is valid.
    for (let second = 0; second < 15 * 60; second += TELEGRAM_STATUS_POLL_MS / 1000) {
      jest.advanceTimersByTime(TELEGRAM_STATUS_POLL_MS);
      await nextMacrotask();
      http.match('/api/telegram/client/status').forEach((request) => request.flush(notConnected));
    }
    await settle(fixture);

    expect(textOf(card().querySelector('.expiry'))).toBe('This code has expired');
    expect(card().querySelector('[role="timer"]')).toBeNull();
    // The expired link no longer works, so it is no longer offered.
    expect(buttons()).toEqual(['New code', 'Cancel']);
    await wait(10 * TELEGRAM_STATUS_POLL_MS);
    http.expectNone('/api/telegram/client/status');

    click(card(), 'New code');
    await answer('POST', '/api/telegram/client/generate-link', {
      ...link,
      expiresAt: new Date(Date.now() + 15 * 60_000).toISOString(),
    });
    expect(textOf(card().querySelector('[role="timer"]'))).toBe('Expires in 15:00');
  });

  it('goes back to "Connect Telegram" on Cancel and stops asking', async () => {
    await open(notConnected);
    await connect();

    click(card(), 'Cancel');
    await fixture.whenStable();

    expect(card().querySelector('img.qr')).toBeNull();
    expect(buttons()).toEqual(['Connect Telegram']);
    await wait(3 * TELEGRAM_STATUS_POLL_MS);
    http.expectNone('/api/telegram/client/status');
  });

  it('stops the countdown and the questions when the card goes away', async () => {
    await open(notConnected);
    await connect();

    fixture.destroy();
    jest.advanceTimersByTime(3 * TELEGRAM_STATUS_POLL_MS);
    await nextMacrotask();

    http.expectNone('/api/telegram/client/status');
    expect(jest.getTimerCount()).toBe(0);
  });

  it('shows what the API says when no code can be had (503), and stays usable', async () => {
    await open(notConnected);

    click(card(), 'Connect Telegram');
    await answer(
      'POST',
      '/api/telegram/client/generate-link',
      apiError(503, 'Telegram is not reachable right now. Try again in a few minutes.'),
      503,
    );

    expect(textOf(card().querySelector('[role="alert"]'))).toBe(
      'Telegram is not reachable right now. Try again in a few minutes.',
    );
    expect(buttons()).toEqual(['Connect Telegram']);
  });

  it('disconnects after asking, and is back to "Connect Telegram"', async () => {
    await open(connected);

    click(card(), 'Disconnect');
    await fixture.whenStable();
    const dialog = document.querySelector('mat-dialog-container') as HTMLElement;
    expect(textOf(dialog)).toContain('Disconnect Telegram?');
    click(dialog, 'Disconnect');
    await answer('POST', '/api/telegram/client/disconnect', notConnected);

    expect(snackBar()).toBe('Telegram disconnected');
    expect(buttons()).toEqual(['Connect Telegram']);
  });

  it('keeps the connection when the person changes their mind', async () => {
    await open(connected);

    click(card(), 'Disconnect');
    await fixture.whenStable();
    click(document.querySelector('mat-dialog-container') as HTMLElement, 'Cancel');
    await settle(fixture);

    http.expectNone('/api/telegram/client/disconnect');
    expect(textOf(card().querySelector('.connected-as'))).toContain('Connected as @anna_h');
  });

  it('names the account by first name when it has no username, and dates it in Russian', async () => {
    TestBed.inject(LanguageStore).setLanguage('ru');
    await open({ ...connected, username: null });

    expect(textOf(card().querySelector('.connected-as'))).toBe('Подключён аккаунт Anna с 29 нояб. 2026');
  });

  it('explains how to unblock the bot, and offers to connect again', async () => {
    await open(blocked);

    expect(textOf(card())).toContain(
      'You blocked the Deskgram bot in Telegram, so it cannot write to you. Open the bot and press Restart (or Unblock), or connect anew.',
    );
    expect(buttons()).toEqual(['Connect again', 'Disconnect']);

    click(card(), 'Connect again');
    await answer('POST', '/api/telegram/client/generate-link', link);
    expect(card().querySelector('img.qr')?.getAttribute('src')).toBe(link.qrCode);
  });

  it('links staff through their own routes', async () => {
    await open(notConnected, 'agent');
    expect(textOf(card())).toContain('Get new tickets, client replies and tickets assigned to you in Telegram');

    click(card(), 'Connect Telegram');
    await answer('POST', '/api/telegram/user/generate-link', link);
    await wait(TELEGRAM_STATUS_POLL_MS);
    await answer('GET', '/api/telegram/user/status', connected);

    expect(textOf(card().querySelector('.connected-as'))).toBe('Connected as @anna_h since 29 Nov 2026');
  });
});
