import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Title } from '@angular/platform-browser';
import { provideRouter, TitleStrategy } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { PortalTitleStrategy } from './portal-title-strategy';

@Component({ template: '' })
class Page {}

describe(PortalTitleStrategy.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: { en: { signIn: { title: 'Sign in' } }, ru: { signIn: { title: 'Вход' } } },
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
        }),
      ],
      providers: [
        provideRouter([
          { path: 'sign-in', title: 'signIn.title', component: Page },
          { path: 'untitled', component: Page },
        ]),
        { provide: TitleStrategy, useClass: PortalTitleStrategy },
      ],
    });
  });

  it('translates the route title and adds the product name', async () => {
    const harness = await RouterTestingHarness.create('/sign-in');
    await harness.fixture.whenStable();

    expect(TestBed.inject(Title).getTitle()).toBe('Sign in · Deskgram');
  });

  it('follows a language switch without a new navigation', async () => {
    const harness = await RouterTestingHarness.create('/sign-in');

    TestBed.inject(TranslocoService).setActiveLang('ru');
    await harness.fixture.whenStable();

    expect(TestBed.inject(Title).getTitle()).toBe('Вход · Deskgram');
  });

  it('shows only the product name on a page without a title', async () => {
    const harness = await RouterTestingHarness.create('/sign-in');
    await harness.navigateByUrl('/untitled');

    expect(TestBed.inject(Title).getTitle()).toBe('Deskgram');
  });
});
