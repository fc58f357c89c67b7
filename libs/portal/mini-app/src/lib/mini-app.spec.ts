import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { Component, inject, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { type SessionDto } from '@deskgram/api-client';
import { SESSION_STORAGE_KEY } from '@deskgram/portal/auth';
import { until } from '@deskgram/portal/testing';
import { FakeTelegramPort } from '../testing/fake-telegram-port';
import { MiniApp } from './mini-app';
import { TELEGRAM_PORT_LOADER } from './telegram-port';
import { DARK, LIGHT } from '../testing/themes';

const CLIENT_SESSION: SessionDto = {
  accessToken: 'access',
  refreshToken: 'refresh',
  user: { id: 'u1', email: 'client@example.com', displayName: 'Clara', role: 'client', clientId: 'c1' },
};

@Component({ selector: 'dg-blank', template: '' })
class Blank {}

describe(MiniApp.name, () => {
  let port: FakeTelegramPort;
  let loads: number;

  function setUp(address: string): MiniApp {
    history.replaceState(null, '', address);
    port = new FakeTelegramPort();
    port.currentTheme = LIGHT;
    loads = 0;
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([
          { path: 'client', component: Blank },
          { path: 'client/tickets/:id', component: Blank },
          { path: 'telegram', component: Blank },
        ]),
        {
          provide: TELEGRAM_PORT_LOADER,
          useValue: () => {
            loads += 1;
            return Promise.resolve(port);
          },
        },
      ],
    });
    return TestBed.inject(MiniApp);
  }

  afterEach(() => {
    document.documentElement.removeAttribute('style');
    document.documentElement.classList.remove('mini-app');
    localStorage.clear();
    sessionStorage.clear();
    history.replaceState(null, '', '/');
  });

  it('stays inert in a browser: no SDK, no theme, nothing to press', async () => {
    const miniApp = setUp('/client');

    expect(await miniApp.start()).toBeNull();

    expect(loads).toBe(0);
    expect(miniApp.active()).toBe(false);
    expect(document.documentElement.style.getPropertyValue('--mat-sys-primary')).toBe('');
    expect(miniApp.rawInitData()).toBeUndefined();
    miniApp.haptic('success');
    miniApp.back();
  });

  it("on Telegram's launch, paints the page with Telegram's theme and opens /telegram first", async () => {
    const miniApp = setUp('/#tgWebAppData=user%3D1&tgWebAppVersion=8.0&tgWebAppPlatform=android');

    expect(await miniApp.start()).toBe('/telegram');

    expect(loads).toBe(1);
    expect(miniApp.active()).toBe(true);
    expect(miniApp.colorScheme()).toBe('light');
    const root = document.documentElement;
    expect(root.classList).toContain('mini-app');
    expect(root.style.getPropertyValue('--mat-sys-primary')).toBe('#50a8eb');
    expect(root.style.getPropertyValue('color-scheme')).toBe('light');
    expect(port.frame).toEqual({ header: '#527da3', background: '#f0f0f0' });
    expect(miniApp.rawInitData()).toBe(port.initData);
  });

  it('follows theme_changed live, light to dark', async () => {
    const miniApp = setUp('/#tgWebAppData=x&tgWebAppVersion=8.0&tgWebAppPlatform=ios');
    await miniApp.start();

    port.changeTheme(DARK, true);

    expect(miniApp.colorScheme()).toBe('dark');
    expect(document.documentElement.style.getPropertyValue('--mat-sys-surface')).toBe('#151e27');
    expect(document.documentElement.style.getPropertyValue('color-scheme')).toBe('dark');
    expect(port.frame).toEqual({ header: '#242d39', background: '#151e27' });
  });

  it('keeps the page after a reload inside Telegram', async () => {
    sessionStorage.setItem(
      'tapps/launchParams',
      JSON.stringify('tgWebAppData=x&tgWebAppVersion=8.0&tgWebAppPlatform=ios'),
    );
    const miniApp = setUp('/client/tickets/t1');

    expect(await miniApp.start()).toBeNull();
    expect(miniApp.active()).toBe(true);
  });

  describe("Telegram's Back button", () => {
    it('shows on inner pages only, and goes one step back', async () => {
      const miniApp = setUp('/#tgWebAppData=x&tgWebAppVersion=8.0&tgWebAppPlatform=ios');
      await miniApp.start();
      const router = TestBed.inject(Router);
      // As at bootstrap: the router follows the browser's history (popstate).
      router.initialNavigation();

      await router.navigateByUrl('/client');
      expect(port.backVisible).toBe(false);
      TestBed.tick();
      expect(port.readied).toBe(1);
      await router.navigateByUrl('/client/tickets/t1');
      expect(port.backVisible).toBe(true);

      port.pressBack();

      await until(() => router.url === '/client', 'the way back');
      expect(port.backVisible).toBe(false);
    });

    it("opens the person's area when there is no step to go back to (a deep link)", async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(CLIENT_SESSION));
      const miniApp = setUp('/#tgWebAppData=x&tgWebAppVersion=8.0&tgWebAppPlatform=ios');
      await miniApp.start();
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/telegram');
      await router.navigateByUrl('/client/tickets/t1', { replaceUrl: true });
      expect(port.backVisible).toBe(true);

      port.pressBack();

      await until(() => router.url === '/client', 'the area');
    });
  });

  describe("Telegram's Main button", () => {
    @Component({ selector: 'dg-form-page', template: '' })
    class FormPage {
      readonly text = signal('Send');
      readonly valid = signal(false);
      readonly sending = signal(false);
      readonly typed = signal(false);
      pressed = 0;

      constructor() {
        const miniApp = inject(MiniApp);
        miniApp.useMainButton({
          text: this.text,
          enabled: this.valid,
          busy: this.sending,
          pressed: () => (this.pressed += 1),
        });
        miniApp.holdSwipesWhile(this.typed);
      }
    }

    it("follows the page's form and presses the page's submit, while the page lives", async () => {
      const miniApp = setUp('/#tgWebAppData=x&tgWebAppVersion=8.0&tgWebAppPlatform=ios');
      await miniApp.start();
      const fixture = TestBed.createComponent(FormPage);
      const page = fixture.componentInstance;
      await fixture.whenStable();

      expect(port.mainButton).toEqual({ visible: true, text: 'Send', enabled: false, busy: false });
      port.pressMain();
      expect(page.pressed).toBe(0);

      page.valid.set(true);
      page.typed.set(true);
      await fixture.whenStable();
      expect(port.mainButton).toEqual({ visible: true, text: 'Send', enabled: true, busy: false });
      expect(port.swipes).toBe(false);
      port.pressMain();
      expect(page.pressed).toBe(1);
      expect(port.haptics).toEqual(['light']);

      page.sending.set(true);
      await fixture.whenStable();
      expect(port.mainButton?.busy).toBe(true);
      port.pressMain();
      expect(page.pressed).toBe(1);

      fixture.destroy();
      TestBed.tick();
      expect(port.mainButton?.visible).toBe(false);
      expect(port.listenerCount('main')).toBe(0);
      expect(port.swipes).toBe(true);
    });

    it('is not there in a browser', async () => {
      const miniApp = setUp('/client');
      await miniApp.start();
      const fixture = TestBed.createComponent(FormPage);
      await fixture.whenStable();

      expect(port.mainButton).toBeNull();
      expect(port.listenerCount('main')).toBe(0);
    });
  });
});
