import { computed, effect, inject, linkedSignal, resource, type ResourceRef, type Signal } from '@angular/core';
import { type PageEvent } from '@angular/material/paginator';
import { ListQuery } from './list-query';

/** What the list pages show: the skeleton, the error with Retry, the empty (or no match) state, or the list. */
export type ListView = 'loading' | 'error' | 'empty' | 'list';

/** A page of a list as the API answers it. */
export interface ListPage {
  readonly items: readonly unknown[];
  readonly total: number;
  /** More match than the API counted (a large ticket queue): `total` is its cap, shown as "1,000+". */
  readonly totalCapped?: boolean;
}

/** The address's part of a request: the search (empty for none) and the 1-based page. */
export interface ListRequest {
  readonly search: string;
  readonly page: number;
  readonly pageSize: number;
}

export interface ListResourceOptions<P, L extends ListPage> {
  /** The page's own filters; a change loads the list again, as a new search or page does. */
  readonly params?: () => P;
  /** Asks the API for one page. */
  readonly loader: (request: ListRequest & P) => Promise<L>;
}

/** The state of a list page; see `listResource()`. */
export interface ListResource<L extends ListPage> {
  /** The search and the page in the address. */
  readonly query: ListQuery;
  readonly search: Signal<string>;
  readonly page: Signal<number>;
  readonly pageSize: Signal<number>;
  /** A request is on its way (the first one, another page or search, or a reload). */
  readonly loading: Signal<boolean>;
  /** Why the last request failed; `undefined` when it did not. */
  readonly error: Signal<unknown>;
  /** The answer on screen; while the next one loads, the last one stays (dimmed), so a search does not flash. */
  readonly value: Signal<L | undefined>;
  readonly items: Signal<L['items']>;
  readonly total: Signal<number>;
  readonly view: Signal<ListView>;
  /** The underlying resource, for a page that changes a row in place. */
  readonly resource: ResourceRef<L | undefined>;
  /** Asks again with the same search, page and filters ("Retry", "Refresh"). */
  reload(): void;
  /** Follows `mat-paginator`'s `(page)`. */
  changePage(event: PageEvent): void;
}

const NO_ITEMS: readonly unknown[] = [];

/**
 * The state every list page repeats: a resource that loads the page the address asks for (`ListQuery`, which the
 * page provides), keeps the last answer on screen while the next loads, says which view to show, and moves a page
 * past the end (an old link, a shrunk list) to the last page. Call it in a field initializer of the list page.
 */
export function listResource<L extends ListPage, P extends object = object>(
  options: ListResourceOptions<P, L>,
): ListResource<L> {
  const query = inject(ListQuery);
  const params = options.params ?? (() => ({}) as P);
  const ref = resource({
    params: () => ({ ...params(), search: query.search(), page: query.page(), pageSize: query.pageSize() }),
    loader: ({ params: request }) => options.loader(request),
  });
  const value = linkedSignal<{ list: L | undefined; loading: boolean }, L | undefined>({
    source: () => ({ list: ref.hasValue() ? ref.value() : undefined, loading: ref.isLoading() }),
    computation: ({ list, loading }, previous) => list ?? (loading ? previous?.value : undefined),
  });
  const items = computed(() => (value()?.items ?? NO_ITEMS) as L['items']);
  const error = computed(() => (ref.status() === 'error' ? ref.error() : undefined));

  effect(() => {
    if (ref.hasValue()) {
      query.keepPageWithin(ref.value().total);
    }
  });

  return {
    query,
    search: query.search,
    page: query.page,
    pageSize: query.pageSize,
    loading: ref.isLoading,
    error,
    value,
    items,
    total: computed(() => value()?.total ?? 0),
    view: computed<ListView>(() => {
      if (ref.status() === 'error') {
        return 'error';
      }
      if (!value()) {
        return 'loading';
      }
      return items().length > 0 ? 'list' : 'empty';
    }),
    resource: ref,
    reload: () => void ref.reload(),
    changePage: (event) => void query.setPage(event.pageIndex + 1, event.pageSize),
  };
}
