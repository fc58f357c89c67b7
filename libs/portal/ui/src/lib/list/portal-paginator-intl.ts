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
    return this.text('range', { start, end, length });
  };

  private text(key: string, params?: Record<string, number>): string {
    return this.transloco.translate(`common.paginator.${key}`, params);
  }
}
