import { Location } from '@angular/common';
import {
  afterNextRender,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
  Injectable,
  Injector,
  signal,
  untracked,
} from '@angular/core';
import { NavigationEnd, NavigationStart, Router } from '@angular/router';
import { AuthStore } from '@deskgram/portal/auth';
import { isFreshLaunch, isMiniAppLaunch } from './launch';
import { type Haptic, TELEGRAM_PORT_LOADER, type TelegramPort } from './telegram-port';
import { applyTheme, type ColorScheme, colorSchemeOf, type TelegramTheme } from './theme';

/** What a page puts on Telegram's Main button while it is shown. */
export interface MainButtonConfig {
  /** The button's text (already translated). */
  text: () => string;
  /** Whether pressing does something now (e.g. the form is valid). */
  enabled: () => boolean;
  /** Shows progress (e.g. while sending). */
  busy: () => boolean;
  pressed: () => void;
}

/** Pages where Telegram's Back button would have nowhere to go. */
const ROOT_PAGES = new Set(['/', '/client', '/staff', '/telegram', '/telegram/link']);

function pathOf(url: string): string {
  return url.split(/[?#]/)[0] || '/';
}

/**
 * The portal inside Telegram, as a Mini App. Outside Telegram the service is inert: `active()` is false, and every
 * method does nothing, so pages may call it unconditionally. The SDK (`@telegram-apps/sdk`) is loaded by `start()`
 * only when the page was opened as a Mini App, so it never weighs on the portal in a browser.
 */
@Injectable({ providedIn: 'root' })
export class MiniApp {
  private readonly document = inject(DOCUMENT);
  private readonly router = inject(Router);
  private readonly location = inject(Location);
  private readonly auth = inject(AuthStore);
  private readonly loadPort = inject(TELEGRAM_PORT_LOADER);
  private readonly injector = inject(Injector);
  private readonly destroyRef = inject(DestroyRef);

  private port: TelegramPort | null = null;
  private readonly activeValue = signal(false);
  private readonly themeValue = signal<TelegramTheme>({});
  private readonly schemeValue = signal<ColorScheme>('light');
  /** Navigations inside the Mini App that Back can undo with the browser's history. */
  private depth = 0;
  /** How many pages currently hold text that a swipe would lose. */
  private readonly dirtyForms = signal(0);

  /** Whether the portal runs inside Telegram (set once `start()` has loaded the SDK). */
  readonly active = this.activeValue.asReadonly();
  readonly theme = this.themeValue.asReadonly();
  /** Telegram's light or dark theme ('light' outside Telegram, where the portal follows the system). */
  readonly colorScheme = this.schemeValue.asReadonly();

  /** Whether this page was opened as a Mini App: a cheap look at the address and storage, no SDK. */
  detected(): boolean {
    return isMiniAppLaunch(this.document.defaultView);
  }

  /**
   * Loads the SDK and hooks the portal to Telegram: the theme, Telegram's header and background colours, the Back
   * button. Called once before the first page (`provideMiniApp`); does nothing outside Telegram. Resolves to where
   * the first page should be: `/telegram` (sign in, or open the start parameter) on Telegram's launch, else null (a
   * reload inside the Mini App keeps its page).
   */
  async start(): Promise<string | null> {
    if (this.port || !this.detected()) {
      return null;
    }
    const fresh = isFreshLaunch(this.document.defaultView);
    let port: TelegramPort;
    try {
      port = await this.loadPort();
    } catch {
      // Not a working Telegram after all (e.g. a copied address in a browser): stay the ordinary portal.
      return null;
    }
    this.port = port;
    this.activeValue.set(true);
    this.document.documentElement.classList.add('mini-app');
    this.applyTelegramTheme();
    const offTheme = port.onThemeChanged(() => this.applyTelegramTheme());
    const offBack = port.onBackButton(() => this.back());
    let trigger: NavigationStart['navigationTrigger'];
    let replacing = false;
    let first = true;
    const navigations = this.router.events.subscribe((event) => {
      if (event instanceof NavigationStart) {
        trigger = event.navigationTrigger;
        replacing = this.router.currentNavigation()?.extras.replaceUrl === true;
      } else if (event instanceof NavigationEnd) {
        if (first) {
          // The first page is on its way: Telegram may drop its placeholder.
          afterNextRender(() => port.ready(), { injector: this.injector });
        } else {
          this.depth = trigger === 'popstate' ? Math.max(0, this.depth - 1) : this.depth + (replacing ? 0 : 1);
        }
        first = false;
        port.setBackButtonVisible(!ROOT_PAGES.has(pathOf(event.urlAfterRedirects)));
      }
    });
    effect(() => port.setVerticalSwipes(this.dirtyForms() === 0), { injector: this.injector });
    this.destroyRef.onDestroy(() => {
      offTheme();
      offBack();
      navigations.unsubscribe();
    });
    return fresh ? '/telegram' : null;
  }

  /** Tells Telegram the first page is drawn. */
  ready(): void {
    this.port?.ready();
  }

  /** The init data to sign in with, or undefined outside Telegram (or when Telegram sent none). */
  rawInitData(): string | undefined {
    return this.port?.rawInitData();
  }

  startParam(): string | undefined {
    return this.port?.startParam();
  }

  /** Telegram's Back button: one step back in the Mini App, or the person's area when there is none. */
  back(): void {
    if (this.depth > 0) {
      this.location.back();
      return;
    }
    void this.router.navigateByUrl(this.auth.home() ?? '/telegram');
  }

  /**
   * Puts Telegram's Main button on the calling page for as long as it lives (call it in a constructor). The button
   * follows the config's signals; pressing it calls `pressed`. Does nothing outside Telegram.
   */
  useMainButton(config: MainButtonConfig): void {
    const port = this.port;
    if (!port) {
      return;
    }
    const destroyRef = inject(DestroyRef);
    const state = effect(() => {
      port.setMainButton({ visible: true, text: config.text(), enabled: config.enabled(), busy: config.busy() });
    });
    const off = port.onMainButton(() => {
      if (untracked(config.enabled) && !untracked(config.busy)) {
        port.haptic('light');
        config.pressed();
      }
    });
    destroyRef.onDestroy(() => {
      state.destroy();
      off();
      port.setMainButton({ visible: false, text: untracked(config.text), enabled: false, busy: false });
    });
  }

  /**
   * While `hasText()` is true, a vertical swipe does not close the Mini App (the form would be lost). Call it in a
   * constructor; it ends with the page.
   */
  holdSwipesWhile(hasText: () => boolean): void {
    if (!this.port) {
      return;
    }
    let holding = false;
    const release = () => {
      if (holding) {
        holding = false;
        this.dirtyForms.update((count) => count - 1);
      }
    };
    effect(() => {
      const dirty = hasText();
      untracked(() => {
        if (dirty && !holding) {
          holding = true;
          this.dirtyForms.update((count) => count + 1);
        } else if (!dirty) {
          release();
        }
      });
    });
    inject(DestroyRef).onDestroy(release);
  }

  haptic(kind: Haptic): void {
    this.port?.haptic(kind);
  }

  /** Opens a `t.me` link: inside Telegram without leaving it, elsewhere in a new tab. */
  openTelegramLink(url: string): void {
    if (this.port) {
      this.port.openTelegramLink(url);
    } else {
      this.document.defaultView?.open(url, '_blank', 'noopener');
    }
  }

  private applyTelegramTheme(): void {
    const port = this.port;
    if (!port) {
      return;
    }
    const theme = port.theme();
    this.themeValue.set(theme);
    const scheme = port.isDark() ? 'dark' : colorSchemeOf(theme);
    this.schemeValue.set(scheme);
    applyTheme(this.document.documentElement, theme, scheme);
    const background = theme.secondary_bg_color ?? theme.bg_color;
    port.setFrameColors(theme.header_bg_color ?? background, background);
  }
}
