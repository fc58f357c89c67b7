import { type Haptic, type MainButtonState, type TelegramPort } from '../lib/telegram-port';
import { type TelegramTheme } from '../lib/theme';

/** A Telegram that records what the portal asked of it, and lets a test press its buttons and change its theme. */
export class FakeTelegramPort implements TelegramPort {
  initData: string | undefined = 'query_id=AA&user=%7B%22id%22%3A42%7D&auth_date=1&hash=abc';
  start: string | undefined;
  currentTheme: TelegramTheme = {};
  dark = false;
  backVisible = false;
  mainButton: MainButtonState | null = null;
  frame: { header?: string; background?: string } = {};
  readied = 0;
  swipes = true;
  readonly haptics: Haptic[] = [];
  readonly opened: string[] = [];
  private readonly listeners = {
    theme: new Set<() => void>(),
    back: new Set<() => void>(),
    main: new Set<() => void>(),
  };

  rawInitData = () => this.initData;
  startParam = () => this.start;
  theme = () => this.currentTheme;
  isDark = () => this.dark;
  onThemeChanged = (listener: () => void) => this.listen('theme', listener);
  setFrameColors = (header: string | undefined, background: string | undefined) => {
    this.frame = { header, background };
  };
  ready = () => {
    this.readied += 1;
  };
  setBackButtonVisible = (visible: boolean) => {
    this.backVisible = visible;
  };
  onBackButton = (listener: () => void) => this.listen('back', listener);
  setMainButton = (state: MainButtonState) => {
    this.mainButton = state;
  };
  onMainButton = (listener: () => void) => this.listen('main', listener);
  haptic = (kind: Haptic) => {
    this.haptics.push(kind);
  };
  setVerticalSwipes = (enabled: boolean) => {
    this.swipes = enabled;
  };
  openTelegramLink = (url: string) => {
    this.opened.push(url);
  };

  /** Telegram's `theme_changed`. */
  changeTheme(theme: TelegramTheme, dark: boolean): void {
    this.currentTheme = theme;
    this.dark = dark;
    this.listeners.theme.forEach((listener) => listener());
  }

  pressBack(): void {
    this.listeners.back.forEach((listener) => listener());
  }

  pressMain(): void {
    this.listeners.main.forEach((listener) => listener());
  }

  listenerCount(kind: 'theme' | 'back' | 'main'): number {
    return this.listeners[kind].size;
  }

  private listen(kind: 'theme' | 'back' | 'main', listener: () => void): () => void {
    this.listeners[kind].add(listener);
    return () => this.listeners[kind].delete(listener);
  }
}
