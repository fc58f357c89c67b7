import { computed, inject, Injectable, linkedSignal } from '@angular/core';
import { takeUntilDestroyed, toObservable, toSignal } from '@angular/core/rxjs-interop';
import { ActivatedRoute, type Params, Router } from '@angular/router';
import { debounceTime, filter, map } from 'rxjs';

export const DEFAULT_PAGE_SIZE = 20;
export const PAGE_SIZE_OPTIONS: readonly number[] = [10, 20, 50, 100];
/** The API's limit for `pageSize`. */
const MAX_PAGE_SIZE = 100;
/** Long enough not to ask the API for every letter, short enough to feel immediate. */
export const SEARCH_DEBOUNCE_MS = 300;

function positiveInteger(value: string | null): number | null {
  const number = Number(value);
  return value !== null && Number.isInteger(number) && number >= 1 ? number : null;
}

/**
 * The search and the page of a list, kept in the address (`?search=&page=&pageSize=`) so that a reload, a shared
 * link and Back all show the same list. Provide it in the list page's `providers`.
 */
@Injectable()
export class ListQuery {
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private readonly params = toSignal(this.route.queryParamMap, { requireSync: true });

  readonly search = computed(() => (this.params().get('search') ?? '').trim());
  readonly page = computed(() => positiveInteger(this.params().get('page')) ?? 1);
  readonly pageSize = computed(() => {
    const size = positiveInteger(this.params().get('pageSize'));
    return size !== null && size <= MAX_PAGE_SIZE ? size : DEFAULT_PAGE_SIZE;
  });

  /**
   * What the search box holds: what the person is typing, until it reaches the address after a pause; and the
   * address's search again when that changes on its own (Back, a link). Spaces being typed at the end are kept.
   */
  readonly searchText = linkedSignal<string, string>({
    source: this.search,
    computation: (search, previous) =>
      previous !== undefined && previous.value.trim() === search ? previous.value : search,
  });

  constructor() {
    toObservable(this.searchText)
      .pipe(
        map((text) => text.trim()),
        debounceTime(SEARCH_DEBOUNCE_MS),
        filter((search) => search !== this.search()),
        takeUntilDestroyed(),
      )
      .subscribe((search) => void this.navigate({ search: search || null, page: null }, true));
  }

  /** Empties the search at once, without the pause meant for typing. */
  clearSearch(): void {
    this.searchText.set('');
    void this.navigate({ search: null, page: null }, true);
  }

  /** Pages are 1-based, as in the API. Each page is a step in the history, so Back returns to the previous one. */
  setPage(page: number, pageSize: number = this.pageSize()): Promise<boolean> {
    return this.navigate({
      page: page > 1 ? page : null,
      pageSize: pageSize === DEFAULT_PAGE_SIZE ? null : pageSize,
    });
  }

  /** A page past the end (an old link, a list that shrank) moves to the last page instead of showing nothing. */
  keepPageWithin(total: number): void {
    const lastPage = Math.max(1, Math.ceil(total / this.pageSize()));
    if (this.page() > lastPage) {
      void this.navigate({ page: lastPage > 1 ? lastPage : null }, true);
    }
  }

  private navigate(queryParams: Params, replaceUrl = false): Promise<boolean> {
    return this.router.navigate([], { relativeTo: this.route, queryParams, queryParamsHandling: 'merge', replaceUrl });
  }
}
