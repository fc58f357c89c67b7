import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { ListQuery, SEARCH_DEBOUNCE_MS } from './list-query';
import { listResource, type ListRequest } from './list-resource';

interface Page {
  readonly items: readonly string[];
  readonly total: number;
}

/** Each request waits until the test answers it. */
class Api {
  readonly requests: {
    request: ListRequest & { status: string };
    resolve: (page: Page) => void;
    reject: (error: unknown) => void;
  }[] = [];

  load(request: ListRequest & { status: string }): Promise<Page> {
    return new Promise((resolve, reject) => this.requests.push({ request, resolve, reject }));
  }

  last() {
    const last = this.requests.at(-1);
    if (!last) throw new Error('No request');
    return last;
  }
}

let api: Api;

@Component({ template: '', providers: [ListQuery] })
class ListPage {
  readonly status = signal('open');
  readonly list = listResource({
    params: () => ({ status: this.status() }),
    loader: (request) => api.load(request),
  });
}

const pause = (milliseconds = 0) => new Promise((resolve) => setTimeout(resolve, milliseconds));

describe(listResource.name, () => {
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<ListPage> {
    harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, ListPage);
    await pause();
    return page;
  }

  beforeEach(() => {
    api = new Api();
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: ListPage }])] });
  });

  it('loads the page the address asks for, with the page’s own filters, then shows the items', async () => {
    const { list } = await open('/list?search=north&page=2&pageSize=10');

    expect(api.last().request).toEqual({ status: 'open', search: 'north', page: 2, pageSize: 10 });
    expect(list.view()).toBe('loading');
    expect(list.loading()).toBe(true);

    api.last().resolve({ items: ['a', 'b'], total: 12 });
    await pause();

    expect(list.view()).toBe('list');
    expect(list.loading()).toBe(false);
    expect(list.items()).toEqual(['a', 'b']);
    expect(list.total()).toBe(12);
    expect(list.error()).toBeUndefined();
  });

  it('says when the list is empty', async () => {
    const { list } = await open('/list');
    api.last().resolve({ items: [], total: 0 });
    await pause();

    expect(list.view()).toBe('empty');
  });

  it('shows the error, and loads again on reload', async () => {
    const { list } = await open('/list');
    const failure = new Error('down');
    api.last().reject(failure);
    await pause();

    expect(list.view()).toBe('error');
    expect(list.error()).toBe(failure);

    list.reload();
    await pause();
    expect(api.requests).toHaveLength(2);
    expect(list.loading()).toBe(true);

    api.last().resolve({ items: ['a'], total: 1 });
    await pause();
    expect(list.view()).toBe('list');
    expect(list.error()).toBeUndefined();
  });

  it('keeps the last list on screen while the next one loads', async () => {
    const page = await open('/list');
    api.last().resolve({ items: ['a'], total: 1 });
    await pause();
    // As the page's template does, which reads the list on every change.
    expect(page.list.view()).toBe('list');

    page.status.set('closed');
    await pause();

    expect(api.last().request.status).toBe('closed');
    expect(page.list.loading()).toBe(true);
    expect(page.list.view()).toBe('list');
    expect(page.list.items()).toEqual(['a']);
  });

  it('goes back to the first page when the search changes', async () => {
    const { list } = await open('/list?page=3');
    api.last().resolve({ items: ['a'], total: 60 });
    await pause();

    list.query.searchText.set('north');
    await pause(SEARCH_DEBOUNCE_MS * 2);

    expect(TestBed.inject(Router).url).toBe('/list?search=north');
    expect(list.page()).toBe(1);
    expect(api.last().request).toMatchObject({ search: 'north', page: 1 });
  });

  it('moves to another page through the paginator, and from a page past the end to the last one', async () => {
    const { list } = await open('/list?page=9');
    api.last().resolve({ items: [], total: 45 });
    await pause();
    await pause();

    expect(list.page()).toBe(3);

    list.changePage({ pageIndex: 0, pageSize: 50, length: 45, previousPageIndex: 2 });
    await pause();
    expect(TestBed.inject(Router).url).toBe('/list?pageSize=50');
    expect(api.last().request).toMatchObject({ page: 1, pageSize: 50 });
  });
});
