import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { providePortalForTests, textOf } from '@deskgram/portal/testing';
import { ListEmpty, ListFrame, ListItems } from './list-frame';
import { ListQuery } from './list-query';
import { listResource } from './list-resource';

/** Each request waits until the test answers it. */
const pending: { resolve: (page: { items: string[]; total: number }) => void; reject: (error: unknown) => void }[] = [];

@Component({
  imports: [ListEmpty, ListFrame, ListItems],
  providers: [ListQuery],
  template: `
    <dg-list-frame
      [list]="list"
      loadingText="Loading fruit"
      errorText="The fruit could not be loaded."
      [search]="{
        label: 'Search',
        placeholder: 'Name',
        clear: 'Clear search',
        noMatches: 'Nothing matches “' + query.search() + '”.',
        noMatchesHint: 'Try another name.',
      }"
    >
      <ng-template dgListEmpty><p class="empty">No fruit yet.</p></ng-template>
      <ng-template dgListItems>
        <ul>
          @for (item of list.items(); track item) {
            <li>{{ item }}</li>
          }
        </ul>
      </ng-template>
    </dg-list-frame>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class FruitList {
  readonly query = inject(ListQuery);
  readonly list = listResource({
    loader: () =>
      new Promise<{ items: string[]; total: number }>((resolve, reject) => pending.push({ resolve, reject })),
  });
}

const pause = () => new Promise((resolve) => setTimeout(resolve));

describe(ListFrame.name, () => {
  let harness: RouterTestingHarness;

  async function open(url: string): Promise<HTMLElement> {
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, FruitList);
    await pause();
    // Not whenStable(): a request on its way keeps the application unstable until the test answers it.
    harness.detectChanges();
    return harness.routeNativeElement as HTMLElement;
  }

  async function answer(settle: (next: (typeof pending)[number]) => void): Promise<void> {
    const next = pending.shift();
    if (!next) throw new Error('No request');
    settle(next);
    await pause();
    await harness.fixture.whenStable();
  }

  beforeEach(() => {
    pending.length = 0;
    TestBed.configureTestingModule({
      providers: [providePortalForTests(), provideRouter([{ path: 'fruit', component: FruitList }])],
    });
  });

  it('shows the skeleton, then the items with the paginator', async () => {
    const page = await open('/fruit');
    expect(textOf(page.querySelector('.skeleton'))).toBe('Loading fruit');
    expect(page.querySelector('.surface')?.getAttribute('aria-busy')).toBe('true');

    await answer(({ resolve }) => resolve({ items: ['apple', 'pear'], total: 2 }));

    expect(Array.from(page.querySelectorAll('li')).map(textOf)).toEqual(['apple', 'pear']);
    expect(page.querySelector('mat-paginator')).not.toBeNull();
    expect(page.querySelector('.skeleton')).toBeNull();
  });

  it('shows the error with Retry, which asks again', async () => {
    const page = await open('/fruit');
    await answer(({ reject }) => reject(new Error('down')));

    expect(textOf(page.querySelector('[role="alert"]'))).toContain('The fruit could not be loaded.');
    const retry = Array.from(page.querySelectorAll('button')).find((button) => textOf(button) === 'Retry');
    retry?.click();
    await pause();
    harness.detectChanges();
    expect(pending).toHaveLength(1);

    await answer(({ resolve }) => resolve({ items: ['apple'], total: 1 }));
    expect(page.querySelector('[role="alert"]')).toBeNull();
    expect(Array.from(page.querySelectorAll('li')).map(textOf)).toEqual(['apple']);
  });

  it('shows the page’s empty state for an empty list', async () => {
    const page = await open('/fruit');
    await answer(({ resolve }) => resolve({ items: [], total: 0 }));

    expect(textOf(page.querySelector('.empty'))).toBe('No fruit yet.');
    expect(page.querySelector('mat-paginator')).toBeNull();
  });

  it('says that nothing matches a search, instead of the page’s empty state', async () => {
    const page = await open('/fruit?search=kiwi');
    await answer(({ resolve }) => resolve({ items: [], total: 0 }));

    expect(page.querySelector('.empty')).toBeNull();
    expect(textOf(page.querySelector('.state'))).toContain('Nothing matches “kiwi”.');
    expect(page.querySelector<HTMLInputElement>('input[type="search"]')?.value).toBe('kiwi');
  });
});
