import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { PortalPaginatorIntl } from './portal-paginator-intl';

const paginator = (itemsPerPage: string, range: string, empty: string, rangeCapped = `${range}+`) => ({
  common: {
    paginator: {
      itemsPerPage,
      nextPage: 'next',
      previousPage: 'previous',
      firstPage: 'first',
      lastPage: 'last',
      range,
      rangeCapped,
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

  it('says "10,000+" in the language’s digits when the length is only a lower bound', () => {
    const intl = TestBed.inject(PortalPaginatorIntl);
    intl.lengthCapped = true;

    expect(intl.getRangeLabel(0, 25, 10_000)).toBe('1–25 of 10,000+');
    expect(intl.getRangeLabel(399, 25, 10_000)).toBe('9,976–10,000 of 10,000+');

    TestBed.inject(TranslocoService).setActiveLang('ru');

    expect(intl.getRangeLabel(1, 25, 10_000)).toBe('26–50 из 10\u00a0000+');

    intl.lengthCapped = false;
    expect(intl.getRangeLabel(0, 25, 10_000)).toBe('1–25 из 10\u00a0000');
  });
});
