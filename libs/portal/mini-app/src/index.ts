export { isMiniAppLaunch, parseStartParam, type DeepLink } from './lib/launch';
export { MiniApp, type MainButtonConfig } from './lib/mini-app';
export { TELEGRAM_PORT_LOADER, type Haptic, type MainButtonState, type TelegramPort } from './lib/telegram-port';
export { applyTheme, colorSchemeOf, themeVariables, type ColorScheme, type TelegramTheme } from './lib/theme';
