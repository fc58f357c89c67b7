import { Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { DEFAULT_PAGE_SIZE, ListQuery, SEARCH_DEBOUNCE_MS } from './list-query';

@Component({ template: '', providers: [ListQuery] })
class ListPage {
  readonly query = inject(ListQuery);
}

describe(ListQuery.name, () => {
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<ListQuery> {
    harness = await RouterTestingHarness.create();
    const page = await harness.navigateByUrl(url, ListPage);
    return page.query;
  }

  function url(): string {
    return TestBed.inject(Router).url;
  }

  const pause = (milliseconds: number) => new Promise((resolve) => setTimeout(resolve, milliseconds));

  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideRouter([{ path: 'list', component: ListPage }])] });
  });

  it('reads the search and the page from the address', async () => {
    const query = await open('/list?search=%20north%20&page=3&pageSize=50');

    expect(query.search()).toBe('north');
    expect(query.page()).toBe(3);
    expect(query.pageSize()).toBe(50);
    expect(query.searchText()).toBe('north');
  });

  it('uses the first page and the default size for values the API would refuse', async () => {
    const query = await open('/list?page=-2&pageSize=500');

    expect(query.page()).toBe(1);
    expect(query.pageSize()).toBe(DEFAULT_PAGE_SIZE);
  });

  it('puts what is typed into the address after a pause, back on the first page', async () => {
    const query = await open('/list?page=4');

    query.searchText.set('nor');
    query.searchText.set('north');
    await pause(SEARCH_DEBOUNCE_MS / 2);
    expect(url()).toBe('/list?page=4');

    await pause(SEARCH_DEBOUNCE_MS);
    expect(url()).toBe('/list?search=north');
    expect(query.search()).toBe('north');
  });

  it('follows the address when it changes on its own', async () => {
    const query = await open('/list?search=north');

    await harness.navigateByUrl('/list?search=contoso');

    expect(query.searchText()).toBe('contoso');
  });

  it('leaves the default page and size out of the address', async () => {
    const query = await open('/list?search=a&page=2');

    await query.setPage(1, DEFAULT_PAGE_SIZE);
    expect(url()).toBe('/list?search=a');

    await query.setPage(3, 50);
    expect(url()).toBe('/list?search=a&page=3&pageSize=50');
  });

  it('moves from a page past the end to the last page', async () => {
    const query = await open('/list?page=9');

    query.keepPageWithin(45);
    await pause(0);

    expect(url()).toBe('/list?page=3');
  });
});
