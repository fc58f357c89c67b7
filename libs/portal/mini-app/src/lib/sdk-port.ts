import {
  backButton,
  hapticFeedback,
  init,
  mainButton,
  miniApp,
  on,
  openTelegramLink,
  retrieveLaunchParams,
  retrieveRawInitData,
  swipeBehavior,
  targetOrigin,
  themeParams,
  viewport,
} from '@telegram-apps/sdk';
import { type Haptic, type MainButtonState, type TelegramPort } from './telegram-port';
import { type TelegramTheme } from './theme';

/** The theme as Telegram names its keys, read from the SDK's signals. */
function currentTheme(): TelegramTheme {
  const theme: TelegramTheme = {
    bg_color: themeParams.backgroundColor(),
    text_color: themeParams.textColor(),
    hint_color: themeParams.hintColor(),
    link_color: themeParams.linkColor(),
    button_color: themeParams.buttonColor(),
    button_text_color: themeParams.buttonTextColor(),
    secondary_bg_color: themeParams.secondaryBackgroundColor(),
    header_bg_color: themeParams.headerBackgroundColor(),
    accent_text_color: themeParams.accentTextColor(),
    section_bg_color: themeParams.sectionBackgroundColor(),
    section_separator_color: themeParams.sectionSeparatorColor(),
    subtitle_text_color: themeParams.subtitleTextColor(),
    destructive_text_color: themeParams.destructiveTextColor(),
    bottom_bar_bg_color: themeParams.bottomBarBgColor(),
  };
  return Object.fromEntries(Object.entries(theme).filter(([, value]) => value !== undefined)) as TelegramTheme;
}

/**
 * The Telegram Mini Apps SDK behind the `TelegramPort`. This module (and the SDK) is loaded only when the page was
 * opened as a Mini App. Every call goes through the SDK's `ifAvailable`, so an older Telegram that lacks a feature
 * (haptics, swipe behaviour) simply goes without it.
 */
export function createSdkPort(): TelegramPort {
  // In a frame, the SDK talks to the window around it, which it takes to be Telegram's web client. The only other
  // page that may frame the portal (its CSP's frame-ancestors) is one of its own origin: the sandbox's phone.
  if (window.parent !== window && window.location.ancestorOrigins?.[0] === window.location.origin) {
    targetOrigin.set(window.location.origin);
  }
  init();
  themeParams.mountSync.ifAvailable();
  miniApp.mountSync.ifAvailable();
  backButton.mount.ifAvailable();
  mainButton.mount.ifAvailable();
  swipeBehavior.mount.ifAvailable();
  // The safe areas (notch, Telegram's own header in full screen) as --tg-viewport-[content-]safe-area-inset-* vars.
  const [mounting, mounted] = viewport.mount.ifAvailable();
  if (mounting) {
    void mounted
      .then(() => {
        viewport.bindCssVars.ifAvailable();
        viewport.expand.ifAvailable();
      })
      .catch(() => undefined);
  }

  // Telegram passes a t.me link's `startapp` as tgWebAppStartParam; the bot's Open buttons (web_app buttons, which
  // carry no start parameter) put it in the address as `?startapp=`.
  let startParam: string | undefined;
  try {
    startParam = retrieveLaunchParams().tgWebAppStartParam;
  } catch {
    startParam = undefined;
  }
  startParam ??= new URLSearchParams(window.location.search).get('startapp') ?? undefined;
  return {
    rawInitData: () => {
      try {
        return retrieveRawInitData();
      } catch {
        return undefined;
      }
    },
    startParam: () => startParam,
    theme: currentTheme,
    isDark: () => themeParams.isDark(),
    // Telegram's event itself: the SDK's computed theme signals notify only once something has read them. The SDK
    // updates its theme in its own listener first; reading it a microtask later is safe either way.
    onThemeChanged: (listener) => on('theme_changed', () => queueMicrotask(listener)),
    setFrameColors: (header, background) => {
      if (header?.startsWith('#')) {
        miniApp.setHeaderColor.ifAvailable(header as `#${string}`);
      }
      if (background?.startsWith('#')) {
        miniApp.setBackgroundColor.ifAvailable(background as `#${string}`);
        miniApp.setBottomBarColor.ifAvailable(background as `#${string}`);
      }
    },
    ready: () => {
      miniApp.ready.ifAvailable();
    },
    setBackButtonVisible: (visible) => {
      if (visible) {
        backButton.show.ifAvailable();
      } else {
        backButton.hide.ifAvailable();
      }
    },
    onBackButton: (listener) => {
      const [bound, off] = backButton.onClick.ifAvailable(listener);
      return bound ? off : () => undefined;
    },
    setMainButton: (state: MainButtonState) => {
      mainButton.setParams.ifAvailable({
        isVisible: state.visible,
        text: state.text,
        isEnabled: state.enabled,
        isLoaderVisible: state.busy,
      });
    },
    onMainButton: (listener) => {
      const [bound, off] = mainButton.onClick.ifAvailable(listener);
      return bound ? off : () => undefined;
    },
    haptic: (kind: Haptic) => {
      if (kind === 'light' || kind === 'medium') {
        hapticFeedback.impactOccurred.ifAvailable(kind);
      } else {
        hapticFeedback.notificationOccurred.ifAvailable(kind);
      }
    },
    setVerticalSwipes: (enabled) => {
      if (enabled) {
        swipeBehavior.enableVertical.ifAvailable();
      } else {
        swipeBehavior.disableVertical.ifAvailable();
      }
    },
    openTelegramLink: (url) => {
      const [opened] = openTelegramLink.ifAvailable(url);
      if (!opened) {
        window.open(url, '_blank', 'noopener');
      }
    },
  };
}
