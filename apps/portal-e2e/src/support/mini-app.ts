import { eventually } from '@deskgram/testing/harness';
import { type Page } from 'playwright-core';

/** Telegram's theme as a Mini App receives it (`tgWebAppThemeParams`, `theme_changed`). */
export type ThemeParams = Record<string, string>;

/** A light Telegram theme with colours no Material palette has, so that a computed style proves where it came from. */
export const LIGHT_THEME: ThemeParams = {
  bg_color: '#ffffff',
  text_color: '#1b1b1f',
  hint_color: '#8e8e93',
  link_color: '#2a7ab8',
  button_color: '#3a86c8',
  button_text_color: '#ffffff',
  secondary_bg_color: '#eef1f5',
  header_bg_color: '#eef1f5',
  accent_text_color: '#2a7ab8',
  section_bg_color: '#ffffff',
  section_separator_color: '#e1e4e8',
  subtitle_text_color: '#8e8e93',
  destructive_text_color: '#e53935',
};

export const DARK_THEME: ThemeParams = {
  bg_color: '#17212b',
  text_color: '#f5f5f5',
  hint_color: '#708499',
  link_color: '#6ab3f3',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#0e1621',
  header_bg_color: '#17212b',
  accent_text_color: '#6ab2f2',
  section_bg_color: '#17212b',
  section_separator_color: '#10171e',
  subtitle_text_color: '#708499',
  destructive_text_color: '#ec3942',
};

/** `#rrggbb` as a browser's computed style writes it. */
export function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

/** One call the Mini App made to Telegram (`postEvent`), as Telegram's mobile clients receive it. */
export interface PostedEvent {
  type: string;
  data: Record<string, unknown> | null;
}

/**
 * Makes the page a Telegram Mini App on a phone before it loads: `window.TelegramWebviewProxy.postEvent`, through which
 * Telegram's Android and iOS clients receive the Mini App's calls, records them (read with `postedEvents`), and answers
 * the requests Telegram would answer (viewport, safe areas, theme) through `window.Telegram.WebView.receiveEvent`, the
 * way Telegram delivers events.
 */
export async function becomeTelegram(page: Page, theme: ThemeParams): Promise<void> {
  await page.addInitScript((themeParams) => {
    const events: { type: string; data: unknown }[] = [];
    const deliver = (type: string, data?: unknown) =>
      setTimeout(() => {
        (
          window as unknown as { Telegram: { WebView: { receiveEvent(t: string, d?: unknown): void } } }
        ).Telegram.WebView.receiveEvent(type, data);
      });
    const zero = { top: 0, bottom: 0, left: 0, right: 0 };
    (window as unknown as { __telegramEvents: unknown }).__telegramEvents = events;
    (window as unknown as { TelegramWebviewProxy: unknown }).TelegramWebviewProxy = {
      postEvent(type: string, data?: string) {
        events.push({ type, data: data ? (JSON.parse(data) as unknown) : null });
        if (type === 'web_app_request_viewport') {
          deliver('viewport_changed', {
            height: window.innerHeight,
            width: window.innerWidth,
            is_expanded: true,
            is_state_stable: true,
          });
        } else if (type === 'web_app_request_safe_area') {
          deliver('safe_area_changed', zero);
        } else if (type === 'web_app_request_content_safe_area') {
          deliver('content_safe_area_changed', zero);
        } else if (type === 'web_app_request_theme') {
          deliver('theme_changed', { theme_params: themeParams });
        }
      },
    };
  }, theme);
}

/** The address Telegram opens a Mini App with: the launch parameters in the fragment. */
export function launchUrl(baseUrl: string, initData: string, theme: ThemeParams, startParam?: string): string {
  const params = new URLSearchParams({
    tgWebAppData: initData,
    tgWebAppVersion: '8.0',
    tgWebAppPlatform: 'android',
    tgWebAppThemeParams: JSON.stringify(theme),
    ...(startParam ? { tgWebAppStartParam: startParam } : {}),
  });
  return `${baseUrl}/#${params.toString()}`;
}

export function postedEvents(page: Page): Promise<PostedEvent[]> {
  return page.evaluate(() =>
    (window as unknown as { __telegramEvents: PostedEvent[] }).__telegramEvents.map((event) => ({ ...event })),
  );
}

/** The last call of `type` the Mini App made, once it is one that `matches`. */
export function waitForPosted(
  page: Page,
  type: string,
  matches: (data: Record<string, unknown> | null) => boolean = () => true,
): Promise<PostedEvent> {
  return eventually(async () => {
    const last = (await postedEvents(page)).filter((event) => event.type === type).at(-1);
    if (!last || !matches(last.data)) {
      throw new Error(`The Mini App has not posted ${type} as expected; last: ${JSON.stringify(last)}`);
    }
    return last;
  });
}

/** An event from Telegram to the Mini App (`back_button_pressed`, `main_button_pressed`, `theme_changed`, ...). */
export async function deliver(page: Page, type: string, data?: unknown): Promise<void> {
  await page.evaluate(
    ([eventType, eventData]) =>
      (
        window as unknown as { Telegram: { WebView: { receiveEvent(t: string, d?: unknown): void } } }
      ).Telegram.WebView.receiveEvent(eventType, eventData),
    [type, data] as const,
  );
}
