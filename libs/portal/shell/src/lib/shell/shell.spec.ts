import { ApplicationRef } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { type HarnessLoader } from '@angular/cdk/testing';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { MatMenuHarness } from '@angular/material/menu/testing';
import { provideRouter } from '@angular/router';
import { LANGUAGE_STORAGE_KEY, providePortalIcons } from '@deskgram/portal/core';
import { TranslocoTestingModule } from '@jsverse/transloco';
import { Shell } from './shell';

const translations = {
  en: {
    language: { change: 'Change language', en: 'English', ru: 'Русский' },
    shell: { home: 'Deskgram, start page' },
  },
  ru: {
    language: { change: 'Сменить язык', en: 'English', ru: 'Русский' },
    shell: { home: 'Deskgram, главная страница' },
  },
};

describe(Shell.name, () => {
  async function render(): Promise<{ element: HTMLElement; loader: HarnessLoader }> {
    TestBed.configureTestingModule({
      imports: [
        Shell,
        TranslocoTestingModule.forRoot({
          langs: translations,
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
        }),
      ],
      providers: [provideRouter([]), providePortalIcons()],
    });
    const fixture = TestBed.createComponent(Shell);
    await fixture.whenStable();
    return { element: fixture.nativeElement, loader: TestbedHarnessEnvironment.loader(fixture) };
  }

  function languageButton(element: HTMLElement): HTMLElement {
    const button = element.querySelector<HTMLElement>('[data-testid="language-button"]');
    if (!button) {
      throw new Error('The language button is not on the page');
    }
    return button;
  }

  /** Uses the language button, which brings the menu in (it is loaded then) and opens it. */
  async function openLanguageMenu(element: HTMLElement, loader: HarnessLoader): Promise<MatMenuHarness> {
    languageButton(element).click();
    await TestBed.inject(ApplicationRef).whenStable();
    const menu = await loader.getHarness(MatMenuHarness);
    expect(await menu.isOpen()).toBe(true);
    return menu;
  }

  beforeEach(() => {
    localStorage.clear();
    document.documentElement.lang = '';
  });

  it('shows the product name and the current language', async () => {
    const { element } = await render();

    expect(element.querySelector('mat-toolbar')?.textContent).toContain('Deskgram');
    expect(languageButton(element).textContent?.trim()).toBe('English');
    expect(languageButton(element).getAttribute('aria-label')).toBe('Change language: English');
    expect(element.querySelector('a.brand')?.getAttribute('aria-label')).toBe('Deskgram, start page');
  });

  it('marks the current language in the language menu', async () => {
    const { element, loader } = await render();
    const menu = await openLanguageMenu(element, loader);

    const items = await menu.getItems();
    const checked = await Promise.all(items.map(async (item) => (await item.host()).getAttribute('aria-checked')));

    expect(await Promise.all(items.map((item) => item.getText()))).toEqual([
      expect.stringContaining('English'),
      expect.stringContaining('Русский'),
    ]);
    expect(checked).toEqual(['true', 'false']);
  });

  it('switches the page to Russian from the language menu and remembers the choice', async () => {
    const { element, loader } = await render();
    const menu = await openLanguageMenu(element, loader);

    await menu.clickItem({ text: /Русский/ });

    expect(languageButton(element).textContent?.trim()).toBe('Русский');
    expect(languageButton(element).getAttribute('aria-label')).toBe('Сменить язык: Русский');
    expect(element.querySelector('a.brand')?.getAttribute('aria-label')).toBe('Deskgram, главная страница');
    expect(document.documentElement.lang).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
  });
});
