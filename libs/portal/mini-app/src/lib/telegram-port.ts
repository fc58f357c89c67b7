import { InjectionToken } from '@angular/core';
import { type TelegramTheme } from './theme';

export type Haptic = 'success' | 'error' | 'warning' | 'light' | 'medium';

export interface MainButtonState {
  visible: boolean;
  text: string;
  enabled: boolean;
  /** Shows Telegram's progress spinner on the button. */
  busy: boolean;
}

/**
 * What the portal asks of Telegram inside a Mini App. `sdk-port.ts` implements it with `@telegram-apps/sdk`, loaded
 * only in a Mini App; tests give a fake.
 */
export interface TelegramPort {
  /** The raw init data (signed by Telegram) to sign in with, when Telegram sent any. */
  rawInitData(): string | undefined;
  /** `tgWebAppStartParam`: what a `t.me/<bot>/<app>?startapp=…` link asked to open. */
  startParam(): string | undefined;
  theme(): TelegramTheme;
  isDark(): boolean;
  /** Calls `listener` on `theme_changed`; returns the unsubscribe. */
  onThemeChanged(listener: () => void): () => void;
  /** The colours of Telegram's header and the Mini App's background, around our page. */
  setFrameColors(header: string | undefined, background: string | undefined): void;
  /** Tells Telegram the page is drawn, so it stops showing its placeholder. */
  ready(): void;
  setBackButtonVisible(visible: boolean): void;
  onBackButton(listener: () => void): () => void;
  setMainButton(state: MainButtonState): void;
  onMainButton(listener: () => void): () => void;
  haptic(kind: Haptic): void;
  /** Whether a vertical swipe may close the Mini App (it loses what a form holds). */
  setVerticalSwipes(enabled: boolean): void;
  /** Opens a `https://t.me/…` link inside Telegram (e.g. the bot with a start code). */
  openTelegramLink(url: string): void;
}

/** How the `MiniApp` service gets its port: the SDK by default, a fake in tests. */
export const TELEGRAM_PORT_LOADER = new InjectionToken<() => Promise<TelegramPort>>('TELEGRAM_PORT_LOADER', {
  providedIn: 'root',
  factory: () => () => import('./sdk-port').then((m) => m.createSdkPort()),
});
