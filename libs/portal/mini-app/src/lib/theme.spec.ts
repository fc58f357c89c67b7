import { DARK, LIGHT } from '../testing/themes';
import { applyTheme, colorSchemeOf, themeVariables } from './theme';

describe('themeVariables', () => {
  it("paints Material's system colours with Telegram's", () => {
    const vars = themeVariables(LIGHT);

    expect(vars).toMatchObject({
      '--mat-sys-primary': '#50a8eb',
      '--mat-sys-on-primary': '#ffffff',
      '--mat-sys-surface': '#f0f0f0',
      '--mat-sys-background': '#f0f0f0',
      '--mat-sys-on-surface': '#000000',
      '--mat-sys-on-surface-variant': '#a8a8a8',
      '--mat-sys-surface-container-lowest': '#ffffff',
      '--mat-sys-surface-container': '#ffffff',
      '--mat-sys-outline': '#a8a8a8',
      '--mat-sys-secondary': '#1c93e3',
      '--mat-sys-tertiary': '#2678b6',
      '--mat-sys-error': '#cc2929',
    });
    expect(vars['--mat-sys-primary-container']).toBe('color-mix(in srgb, #50a8eb 18%, #ffffff)');
  });

  it('leaves out what Telegram did not send, or sent as something other than a colour', () => {
    const vars = themeVariables({ bg_color: '#FFF', button_color: 'red', text_color: 'url(x)' });

    expect(vars['--mat-sys-surface']).toBe('#fff');
    expect(vars).not.toHaveProperty('--mat-sys-primary');
    expect(vars).not.toHaveProperty('--mat-sys-on-surface');
    expect(vars).not.toHaveProperty('--mat-sys-error');
  });
});

describe('colorSchemeOf', () => {
  it('reads light or dark from the background', () => {
    expect(colorSchemeOf(LIGHT)).toBe('light');
    expect(colorSchemeOf(DARK)).toBe('dark');
    expect(colorSchemeOf({})).toBe('light');
  });
});

describe('applyTheme', () => {
  it('sets the variables and the colour scheme on the page, and a new theme replaces the old one entirely', () => {
    const root = document.createElement('html');

    applyTheme(root, LIGHT, 'light');
    expect(root.style.getPropertyValue('--mat-sys-primary')).toBe('#50a8eb');
    expect(root.style.getPropertyValue('color-scheme')).toBe('light');

    applyTheme(root, { bg_color: '#212d3b' }, 'dark');
    expect(root.style.getPropertyValue('--mat-sys-surface')).toBe('#212d3b');
    expect(root.style.getPropertyValue('--mat-sys-primary')).toBe('');
    expect(root.style.getPropertyValue('color-scheme')).toBe('dark');
  });
});
