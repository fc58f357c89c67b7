import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { PortalPaginatorIntl } from './portal-paginator-intl';

const paginator = (itemsPerPage: string, range: string, empty: string) => ({
  common: {
    paginator: {
      itemsPerPage,
      nextPage: 'next',
      previousPage: 'previous',
      firstPage: 'first',
      lastPage: 'last',
      range,
      empty,
    },
  },
});

describe(PortalPaginatorIntl.name, () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: paginator('Per page:', '{{start}}–{{end}} of {{length}}', '0 of 0'),
            ru: paginator('На странице:', '{{start}}–{{end}} из {{length}}', '0 из 0'),
          },
          translocoConfig: { availableLangs: ['en', 'ru'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
      providers: [PortalPaginatorIntl],
    });
  });

  it('labels the paginator in the current language, and again after a switch', () => {
    const intl = TestBed.inject(PortalPaginatorIntl);
    const changes = jest.fn();
    intl.changes.subscribe(changes);

    expect(intl.itemsPerPageLabel).toBe('Per page:');
    expect(intl.getRangeLabel(1, 20, 45)).toBe('21–40 of 45');
    expect(intl.getRangeLabel(2, 20, 45)).toBe('41–45 of 45');
    expect(intl.getRangeLabel(0, 20, 0)).toBe('0 of 0');

    TestBed.inject(TranslocoService).setActiveLang('ru');

    expect(intl.itemsPerPageLabel).toBe('На странице:');
    expect(intl.getRangeLabel(0, 20, 3)).toBe('1–3 из 3');
    expect(changes).toHaveBeenCalled();
  });
});
