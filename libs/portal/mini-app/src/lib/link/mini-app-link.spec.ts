import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type SessionDto, type TelegramStatusDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { click, expectRequest, providePortalForTests, textOf, until } from '@deskgram/portal/testing';
import { MiniApp } from '../mini-app';
import { MINI_APP_ROUTES } from '../mini-app.routes';

const SESSION: SessionDto = {
  accessToken: 'access',
  refreshToken: 'refresh',
  user: { id: 'u1', email: 'client@example.com', displayName: 'Clara', role: 'client', clientId: 'c1' },
};

function status(connected: boolean): TelegramStatusDto {
  return {
    botConfigured: true,
    connected,
    state: connected ? 'connected' : 'not_connected',
    username: connected ? 'clara_tg' : null,
    firstName: connected ? 'Clara' : null,
    linkedAt: connected ? '2026-01-01T00:00:00Z' : null,
  };
}

@Component({ selector: 'dg-blank', template: '' })
class Blank {}

describe('the Mini App link page (/telegram/link), signed in', () => {
  it('links this Telegram in one tap: a fresh link, opened inside Telegram, then the wait for Start', async () => {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(SESSION));
    const miniApp = { active: signal(true), haptic: jest.fn(), openTelegramLink: jest.fn() };
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'telegram', children: MINI_APP_ROUTES },
          { path: 'client', component: Blank },
        ]),
        providePortalForTests(),
        { provide: MiniApp, useValue: miniApp },
      ],
    });
    const http = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/telegram/link');
    const page = () => harness.routeNativeElement as HTMLElement;

    (await expectRequest(http, '/api/telegram/client/status')).flush(status(false));
    await until(() => textOf(page()).includes('Link this Telegram'), 'the offer');
    click(page(), 'Link this Telegram');
    (await expectRequest(http, '/api/telegram/client/generate-link')).flush({
      url: 'https://t.me/deskgram_bot?start=abc',
      qrCode: 'data:image/png;base64,',
      expiresAt: new Date(Date.now() + 900_000).toISOString(),
    });

    await until(() => miniApp.openTelegramLink.mock.calls.length === 1, 'the link opened');
    expect(miniApp.openTelegramLink).toHaveBeenCalledWith('https://t.me/deskgram_bot?start=abc');
    await until(() => textOf(page()).includes('Press Start in the chat with the bot'), 'the wait for Start');

    harness.fixture.destroy();
    http.verify();
    localStorage.clear();
    expect(TestBed.inject(Router).url).toBe('/telegram/link');
  });
});
