import { inject, Injectable } from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { type MatPaginatorIntl } from '@angular/material/paginator';
import { TranslocoService } from '@jsverse/transloco';
import { Subject } from 'rxjs';

/**
 * The paginator's labels in the portal's language, switching with it. The list frame provides it beside its paginator
 * as `{ provide: MatPaginatorIntl, useClass: PortalPaginatorIntl }`, so that the paginator (with the select and tooltip
 * it brings) comes only with the list pages. It implements the paginator's contract instead of extending its class.
 */
@Injectable()
export class PortalPaginatorIntl implements MatPaginatorIntl {
  private readonly transloco = inject(TranslocoService);

  readonly changes = new Subject<void>();
  itemsPerPageLabel = '';
  nextPageLabel = '';
  previousPageLabel = '';
  firstPageLabel = '';
  lastPageLabel = '';
  /**
   * The length is a lower bound (the API stopped counting, as for a large ticket queue): the range says "of
   * 1,000+". The list frame sets it from the page it shows.
   */
  lengthCapped = false;

  constructor() {
    // Emits once the active language's texts are loaded, and again after every switch.
    this.transloco
      .selectTranslation()
      .pipe(takeUntilDestroyed())
      .subscribe(() => {
        this.itemsPerPageLabel = this.text('itemsPerPage');
        this.nextPageLabel = this.text('nextPage');
        this.previousPageLabel = this.text('previousPage');
        this.firstPageLabel = this.text('firstPage');
        this.lastPageLabel = this.text('lastPage');
        this.changes.next();
      });
  }

  getRangeLabel = (page: number, pageSize: number, length: number): string => {
    if (length === 0) {
      return this.text('empty');
    }
    const start = page * pageSize + 1;
    const end = Math.min((page + 1) * pageSize, length);
    // In the language's digits, so that a large list reads "9,976–10,000 of 10,000+" (Russian "10 000").
    const digits = new Intl.NumberFormat(this.transloco.getActiveLang());
    const params = { start: digits.format(start), end: digits.format(end), length: digits.format(length) };
    return this.text(this.lengthCapped ? 'rangeCapped' : 'range', params);
  };

  private text(key: string, params?: Record<string, string>): string {
    return this.transloco.translate(`common.paginator.${key}`, params);
  }
}
