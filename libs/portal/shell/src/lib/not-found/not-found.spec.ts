import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { providePortalIcons } from '@deskgram/portal/core';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { NotFound } from './not-found';

describe(NotFound.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: { notFound: { title: 'Page not found', message: 'Gone.', home: 'Go to the start page' } },
            ru: { notFound: { title: 'Страница не найдена', message: 'Нет.', home: 'Перейти на главную' } },
          },
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en', reRenderOnLangChange: true },
          preloadLangs: true,
        }),
      ],
      providers: [provideRouter([{ path: '**', component: NotFound }]), providePortalIcons()],
    });
  });

  it('says the page does not exist and links back to the start page', async () => {
    const harness = await RouterTestingHarness.create('/no/such/page');
    const element = harness.routeNativeElement as HTMLElement;

    expect(element.querySelector('h1')?.textContent).toBe('Page not found');
    const link = element.querySelector('a');
    expect(link?.textContent?.trim()).toBe('Go to the start page');
    expect(link?.getAttribute('href')).toBe('/');
  });

  it('speaks Russian when Russian is chosen', async () => {
    const harness = await RouterTestingHarness.create('/no/such/page');

    TestBed.inject(TranslocoService).setActiveLang('ru');
    await harness.fixture.whenStable();

    expect((harness.routeNativeElement as HTMLElement).querySelector('h1')?.textContent).toBe('Страница не найдена');
  });
});
