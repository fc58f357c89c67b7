import { type TelegramTheme } from '../lib/theme';

/** Telegram's default light and dark themes (Android), as sent in tgWebAppThemeParams. */
export const LIGHT: TelegramTheme = {
  bg_color: '#ffffff',
  text_color: '#000000',
  hint_color: '#a8a8a8',
  link_color: '#2678b6',
  button_color: '#50a8eb',
  button_text_color: '#ffffff',
  secondary_bg_color: '#f0f0f0',
  header_bg_color: '#527da3',
  accent_text_color: '#1c93e3',
  section_bg_color: '#ffffff',
  destructive_text_color: '#cc2929',
};
export const DARK: TelegramTheme = {
  bg_color: '#212d3b',
  text_color: '#ffffff',
  hint_color: '#7d8b99',
  link_color: '#5eabe1',
  button_color: '#5288c1',
  button_text_color: '#ffffff',
  secondary_bg_color: '#151e27',
  header_bg_color: '#242d39',
  accent_text_color: '#64b5ef',
  section_bg_color: '#17212b',
  destructive_text_color: '#ef5b5b',
};
