/** Telegram's theme parameters as the Mini App receives them (`tgWebAppThemeParams`, `theme_changed`). */
export interface TelegramTheme {
  bg_color?: string;
  text_color?: string;
  hint_color?: string;
  link_color?: string;
  button_color?: string;
  button_text_color?: string;
  secondary_bg_color?: string;
  header_bg_color?: string;
  accent_text_color?: string;
  section_bg_color?: string;
  section_separator_color?: string;
  subtitle_text_color?: string;
  destructive_text_color?: string;
  bottom_bar_bg_color?: string;
}

export type ColorScheme = 'light' | 'dark';

const HEX = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

/** A colour Telegram sent, or undefined for anything that is not a `#rgb` / `#rrggbb` colour. */
function hex(value: string | undefined): string | undefined {
  return value !== undefined && HEX.test(value) ? value.toLowerCase() : undefined;
}

/** The relative luminance of a `#rrggbb` colour (0 black, 1 white). */
function luminance(color: string): number {
  const full = color.length === 4 ? `#${[...color.slice(1)].map((c) => c + c).join('')}` : color;
  const [r, g, b] = [1, 3, 5].map((i) => {
    const channel = parseInt(full.slice(i, i + 2), 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** Light or dark, read from the background Telegram paints (its `colorScheme` says the same). */
export function colorSchemeOf(theme: TelegramTheme): ColorScheme {
  const background = hex(theme.bg_color);
  return background !== undefined && luminance(background) < 0.35 ? 'dark' : 'light';
}

function mix(color: string, other: string, percent: number): string {
  return `color-mix(in srgb, ${color} ${percent}%, ${other})`;
}

/**
 * Material 3 system colours (`--mat-sys-*`) painted with Telegram's theme, so that every Material component and our
 * own styles (which read the same variables) look like the chat around them. What Telegram does not send is left to
 * the portal's theme, which follows `color-scheme`.
 */
export function themeVariables(theme: TelegramTheme): Record<string, string> {
  const bg = hex(theme.bg_color);
  const text = hex(theme.text_color);
  const hint = hex(theme.hint_color);
  const link = hex(theme.link_color);
  const button = hex(theme.button_color);
  const buttonText = hex(theme.button_text_color);
  const secondaryBg = hex(theme.secondary_bg_color);
  const sectionBg = hex(theme.section_bg_color) ?? bg;
  const accent = hex(theme.accent_text_color) ?? link ?? button;
  const separator = hex(theme.section_separator_color);
  const destructive = hex(theme.destructive_text_color);
  const vars: Record<string, string | undefined> = {
    '--mat-sys-primary': button,
    '--mat-sys-on-primary': buttonText,
    '--mat-sys-primary-container': button && bg ? mix(button, bg, 18) : undefined,
    '--mat-sys-on-primary-container': text,
    '--mat-sys-secondary': accent,
    '--mat-sys-secondary-container': accent && bg ? mix(accent, bg, 14) : undefined,
    '--mat-sys-on-secondary-container': text,
    '--mat-sys-tertiary': link,
    '--mat-sys-background': secondaryBg ?? bg,
    '--mat-sys-on-background': text,
    '--mat-sys-surface': secondaryBg ?? bg,
    '--mat-sys-on-surface': text,
    '--mat-sys-surface-variant': secondaryBg,
    '--mat-sys-on-surface-variant': hex(theme.subtitle_text_color) ?? hint,
    '--mat-sys-surface-container-lowest': sectionBg,
    '--mat-sys-surface-container-low': sectionBg,
    '--mat-sys-surface-container': sectionBg,
    '--mat-sys-surface-container-high': sectionBg && text ? mix(text, sectionBg, 4) : sectionBg,
    '--mat-sys-surface-container-highest': sectionBg && text ? mix(text, sectionBg, 8) : sectionBg,
    '--mat-sys-outline': hint,
    '--mat-sys-outline-variant': separator ?? (hint && bg ? mix(hint, bg, 35) : undefined),
    '--mat-sys-error': destructive,
    '--mat-sys-error-container': destructive && bg ? mix(destructive, bg, 14) : undefined,
    '--mat-sys-on-error-container': destructive,
  };
  return Object.fromEntries(Object.entries(vars).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/** The variables `applyTheme` set last, so that a new theme replaces all of them. */
const applied = new WeakMap<HTMLElement, readonly string[]>();

/** Paints the page (`<html>`) with Telegram's theme and sets `color-scheme` for whatever it does not cover. */
export function applyTheme(root: HTMLElement, theme: TelegramTheme, scheme: ColorScheme): void {
  for (const name of applied.get(root) ?? []) {
    root.style.removeProperty(name);
  }
  const vars = themeVariables(theme);
  for (const [name, value] of Object.entries(vars)) {
    root.style.setProperty(name, value);
  }
  applied.set(root, Object.keys(vars));
  root.style.setProperty('color-scheme', scheme);
}
