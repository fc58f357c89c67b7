import { NgTemplateOutlet } from '@angular/common';
import {
  ChangeDetectionStrategy,
  Component,
  computed,
  contentChild,
  Directive,
  effect,
  inject,
  input,
  TemplateRef,
  ViewEncapsulation,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatPaginator, MatPaginatorIntl } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
import { PortalPaginatorIntl } from './portal-paginator-intl';
import { TranslocoPipe } from '@jsverse/transloco';
import type { FieldTexts } from '../person-fields/field-texts';
import { PAGE_SIZE_OPTIONS } from './list-query';
import { type ListPage, type ListResource } from './list-resource';

/** `<ng-template dgListItems>`: the list itself, shown when there are items. */
@Directive({ selector: 'ng-template[dgListItems]' })
export class ListItems {}

/** `<ng-template dgListEmpty>`: what to say (and offer) when there is nothing to show. */
@Directive({ selector: 'ng-template[dgListEmpty]' })
export class ListEmpty {}

/** The texts of the search field and of "nothing matches"; without them the frame has no search field. */
export interface ListSearchTexts {
  readonly label: string;
  readonly placeholder: string;
  /** The clear button's label, in the field and under "nothing matches". */
  readonly clear: string;
  /** Says that nothing matches the current search. */
  readonly noMatches: string;
  readonly noMatchesHint: string;
}

/**
 * The frame of a list page below its header: the search field (optional), then a surface with the skeleton while the
 * first answer loads, the error with Retry, "nothing matches" with Clear search (for a search that found nothing), the
 * page's empty state, or the page's list with the paginator. A reload
 * keeps the list, dimmed under a progress bar. The state comes from `listResource()`.
 */
@Component({
  selector: 'dg-list-frame',
  imports: [
    MatButton,
    MatFormField,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatSuffix,
    NgTemplateOutlet,
    TranslocoPipe,
  ],
  // The paginator's labels in the portal's language. Provided here, beside the only paginator, rather than by the
  // routes of the list pages: a routes file is loaded with its library's entry, and would bring the paginator (with
  // the select and tooltip it uses) into pages without a list, such as the client's dashboard.
  viewProviders: [{ provide: MatPaginatorIntl, useClass: PortalPaginatorIntl }],
  template: `
    @if (searchTexts(); as texts) {
      <mat-form-field class="search" appearance="outline" subscriptSizing="dynamic">
        <mat-icon matPrefix svgIcon="search" />
        <mat-label>{{ texts.label }}</mat-label>
        <input
          #searchInput
          matInput
          type="search"
          autocomplete="off"
          [placeholder]="texts.placeholder"
          [value]="list().query.searchText()"
          (input)="list().query.searchText.set(searchInput.value)"
        />
        @if (list().query.searchText()) {
          <button
            mat-icon-button
            matSuffix
            type="button"
            [attr.aria-label]="texts.clear"
            (click)="list().query.clearSearch()"
          >
            <mat-icon svgIcon="close" />
          </button>
        }
      </mat-form-field>
    }

    <div class="surface" [class.is-loading]="dimmed()" [attr.aria-busy]="list().loading()">
      @if (dimmed() && list().value()) {
        <mat-progress-bar class="reloading" mode="indeterminate" />
      }

      @switch (list().view()) {
        @case ('loading') {
          <div class="skeleton" role="status" [style.--dg-list-skeleton-columns]="skeletonColumns()">
            <span class="visually-hidden">{{ loadingText() }}</span>
            @for (row of skeletonRows(); track $index) {
              <div class="skeleton-row" aria-hidden="true">
                @for (line of skeletonLines(); track $index) {
                  <span class="skeleton-line" [class]="line"></span>
                }
              </div>
            }
          </div>
        }
        @case ('error') {
          <div class="state" role="alert">
            <mat-icon class="state-icon error" svgIcon="error_outline" />
            <p class="state-title">{{ errorText() }}</p>
            <button mat-stroked-button type="button" (click)="list().reload()">{{ 'common.retry' | transloco }}</button>
          </div>
        }
        @case ('empty') {
          @if (noMatch(); as texts) {
            <div class="state">
              <mat-icon class="state-icon" svgIcon="search_off" />
              <p class="state-title">{{ texts.noMatches }}</p>
              <p class="state-message">{{ texts.noMatchesHint }}</p>
              <button mat-stroked-button type="button" (click)="list().query.clearSearch()">{{ texts.clear }}</button>
            </div>
          } @else {
            <ng-container [ngTemplateOutlet]="empty() ?? null" />
          }
        }
        @case ('list') {
          <ng-container [ngTemplateOutlet]="items() ?? null" />
        }
      }

      @if (list().view() === 'list') {
        <mat-paginator
          [class.divided]="paginatorDivider()"
          [length]="list().total()"
          [pageIndex]="list().page() - 1"
          [pageSize]="list().pageSize()"
          [pageSizeOptions]="pageSizeOptions"
          [hidePageSize]="compact()"
          (page)="list().changePage($event)"
        />
      }
    </div>
  `,
  styleUrl: './list-frame.scss',
  encapsulation: ViewEncapsulation.None,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ListFrame {
  readonly list = input.required<ListResource<ListPage>>();
  /** Said to screen readers while the skeleton shows. */
  readonly loadingText = input.required<string>();
  /** Said when the list could not be loaded, above "Retry". */
  readonly errorText = input.required<string>();
  readonly search = input<ListSearchTexts | null>(null);
  /**
   * Instead of `search`, the page's translate function: the texts are then its `search`, `searchPlaceholder`,
   * `clearSearch`, `noMatches` (with `{search}`) and `noMatchesHint`.
   */
  readonly searchKeys = input<FieldTexts | null>(null);
  /** On a phone the paginator leaves out the page size. */
  readonly compact = input(false);
  /** False while a quiet refresh runs, so that it neither dims the list nor shows the progress bar. */
  readonly dimReload = input(true);
  /** The skeleton: a row per entry, and the width of each line in a row (`wide`, `narrow` or ``). */
  readonly skeletonRows = input<readonly unknown[]>([1, 2, 3, 4, 5]);
  readonly skeletonLines = input<readonly string[]>(['wide', '', 'narrow']);
  readonly skeletonColumns = input('2fr 1.5fr 1fr');
  /** A line above the paginator; off for a list whose rows end in a line of their own. */
  readonly paginatorDivider = input(true);

  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly items = contentChild(ListItems, { read: TemplateRef });
  protected readonly empty = contentChild(ListEmpty, { read: TemplateRef });
  protected readonly searchTexts = computed<ListSearchTexts | null>(() => {
    const t = this.searchKeys();
    if (!t) {
      return this.search();
    }
    return {
      label: t('search'),
      placeholder: t('searchPlaceholder'),
      clear: t('clearSearch'),
      noMatches: t('noMatches', { search: this.list().search() }),
      noMatchesHint: t('noMatchesHint'),
    };
  });
  /** The search's texts when a search found nothing; the page's empty state is for a list with nothing at all. */
  protected noMatch(): ListSearchTexts | null {
    return this.list().search() ? this.searchTexts() : null;
  }

  protected dimmed(): boolean {
    return this.list().loading() && this.dimReload();
  }

  constructor() {
    // The range label is the paginator's labels' to write: tell them when the total is only a lower bound, so that
    // they say "1–25 of 1,000+". Labels without `lengthCapped` (Material's own) say "of 1000".
    const intl = inject(MatPaginatorIntl, { optional: true }) as (MatPaginatorIntl & CappedLengthLabels) | null;
    effect(() => {
      const capped = this.list().value()?.totalCapped ?? false;
      if (intl && 'lengthCapped' in intl && intl.lengthCapped !== capped) {
        intl.lengthCapped = capped;
        intl.changes.next();
      }
    });
  }
}

/** Paginator labels that can say that the length is a lower bound (the portal's, `PortalPaginatorIntl`). */
export interface CappedLengthLabels {
  lengthCapped: boolean;
}
