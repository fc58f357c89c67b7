import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { TranslocoService } from '@jsverse/transloco';
import { BehaviorSubject } from 'rxjs';
import {
  BOT,
  expectRequest,
  message,
  nextMacrotask,
  person,
  provideSandboxForTests,
  settle,
  textOf,
  until,
} from '../testing/sandbox-testing';
import { LANGUAGE_STORAGE_KEY } from './language';
import { EVENT_SOURCE_FACTORY, type Person } from './sandbox-api';
import { SandboxPage } from './sandbox-page';

/** Stands in for the browser's EventSource: the test plays the server's side of the stream. */
class FakeEventSource {
  onmessage: ((event: MessageEvent<string>) => void) | null = null;
  onerror: (() => void) | null = null;
  onopen: (() => void) | null = null;
  closed = false;
  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  send(data: object): void {
    this.onmessage?.(new MessageEvent('message', { data: JSON.stringify(data) }));
  }

  close(): void {
    this.closed = true;
  }
}

const PEOPLE: Person[] = [
  person({ id: 1, name: 'Anna Petrova', role: 'client' }),
  person({ id: 2, name: 'Boris Agentov', role: 'agent', company: null }),
  person({ id: 3, name: 'Alice Admin', role: 'admin', company: null }),
];

describe(SandboxPage.name, () => {
  let fixture: ComponentFixture<SandboxPage>;
  let http: HttpTestingController;
  let element: HTMLElement;
  let events: FakeEventSource;
  let narrow: BehaviorSubject<BreakpointState>;
  let scrolled: HTMLElement[];

  function create(): void {
    narrow = new BehaviorSubject<BreakpointState>({ matches: false, breakpoints: {} });
    TestBed.configureTestingModule({
      providers: [
        ...provideSandboxForTests(),
        {
          provide: EVENT_SOURCE_FACTORY,
          useValue: (url: string) => (events = new FakeEventSource(url)) as unknown as EventSource,
        },
        { provide: BreakpointObserver, useValue: { observe: () => narrow } },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(SandboxPage);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
  }

  async function answerState(people = PEOPLE): Promise<void> {
    (await expectRequest(http, { method: 'GET', url: '/sandbox/api/state' })).flush({ bot: BOT, people });
    await settle(fixture);
  }

  /** Answers every chat fetch waiting, each with one bot message. */
  async function answerChats(): Promise<void> {
    let pending: TestRequest[] = [];
    await until(() => (pending = pendingChats()).length > 0, 'the chats to be asked for');
    for (const request of pending) {
      const id = Number(request.request.url.split('/').pop());
      request.flush({ person: PEOPLE.find((candidate) => candidate.id === id), messages: [message({ id: 1 })] });
    }
    await settle(fixture);
  }

  /** The chat fetches sent and not answered yet; HttpTestingController forgets them once matched. */
  function pendingChats(): TestRequest[] {
    return http.match((request) => request.method === 'GET' && request.url.startsWith('/sandbox/api/chats/'));
  }

  function phone(id: number): HTMLElement {
    return element.querySelector(`#phone-${id}`) as HTMLElement;
  }

  beforeEach(() => {
    localStorage.clear();
    scrolled = [];
    Element.prototype.scrollIntoView = function (this: HTMLElement) {
      scrolled.push(this);
    };
    window.history.replaceState({}, '', '/sandbox/');
  });

  afterEach(() => {
    http.verify();
    window.history.replaceState({}, '', '/');
  });

  it('shows the title, the bot, the link to the portal and one phone per person', async () => {
    create();
    expect(element.querySelector('mat-progress-spinner')).not.toBeNull();
    await answerState();
    await answerChats();

    expect(textOf(element.querySelector('h1'))).toBe('Deskgram sandbox — Telegram without Telegram');
    expect(textOf(element.querySelector('.bot'))).toBe('Bot: Deskgram @deskgram_bot');
    const portal = element.querySelector<HTMLAnchorElement>('.explain a');
    expect(portal?.getAttribute('href')).toBe('/');
    expect(portal?.target).toBe('_blank');
    expect(element.querySelectorAll('dg-chat-phone')).toHaveLength(3);
    expect(
      Array.from(element.querySelectorAll('.chip'), (chip) => [
        textOf(chip.querySelector('.chip-name')),
        textOf(chip.querySelector('.chip-role')),
      ]),
    ).toEqual([
      ['Anna Petrova', 'Client'],
      ['Boris Agentov', 'Agent'],
      ['Alice Admin', 'Administrator'],
    ]);
    expect(events.url).toBe('/sandbox/api/events');
  });

  it('speaks Russian once chosen, and remembers it', async () => {
    create();
    await answerState();
    await answerChats();

    const russian = Array.from(element.querySelectorAll<HTMLButtonElement>('mat-button-toggle button')).find(
      (button) => textOf(button) === 'Русский',
    );
    russian?.click();
    await settle(fixture);

    expect(TestBed.inject(TranslocoService).getActiveLang()).toBe('ru');
    expect(localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('ru');
    expect(textOf(element.querySelector('h1'))).toBe('Песочница Deskgram — Telegram без Telegram');
    expect(document.documentElement.lang).toBe('ru');
  });

  it('focuses the chat named in ?chat=: scrolls it into view and outlines it for a moment', async () => {
    window.history.replaceState({}, '', '/sandbox/?chat=2');
    create();
    await answerState();
    await answerChats();

    expect(scrolled).toContain(phone(2));
    expect(phone(2).classList).toContain('highlighted');
    expect(phone(1).classList).not.toContain('highlighted');
    await until(() => !phone(2).classList.contains('highlighted'), 'the outline to fade');
  });

  it('on a phone shows only the chat named in ?chat=, with a selector for the others', async () => {
    window.history.replaceState({}, '', '/sandbox/?chat=3');
    create();
    narrow.next({ matches: true, breakpoints: {} });
    await answerState();
    await answerChats();

    expect(element.querySelector('.chips')).toBeNull();
    expect(element.querySelector('mat-select')).not.toBeNull();
    expect(phone(3).classList).not.toContain('hidden');
    expect(phone(1).classList).toContain('hidden');
    expect(phone(2).classList).toContain('hidden');
  });

  it('scrolls to a chat when its chip is pressed', async () => {
    create();
    await answerState();
    await answerChats();

    element.querySelectorAll<HTMLButtonElement>('.chip')[2].click();
    await settle(fixture);

    expect(scrolled).toContain(phone(3));
    expect(phone(3).classList).toContain('highlighted');
  });

  it('fetches again the chat the server says changed, and counts its new messages while it is out of sight', async () => {
    create();
    await answerState();
    await answerChats();
    // The phones report what is on screen; here only Anna's is.
    fixture.componentInstance.onVisibleChange(1, true);
    fixture.componentInstance.onVisibleChange(2, false);

    events.send({ chat: 2 });
    (await expectRequest(http, '/sandbox/api/chats/2')).flush({
      person: PEOPLE[1],
      messages: [message({ id: 1 }), message({ id: 2 }), message({ id: 3 })],
    });
    await settle(fixture);

    expect(textOf(element.querySelectorAll('.chip')[1].querySelector('.badge'))).toBe('2');
    expect(element.querySelectorAll('.chip')[0].querySelector('.badge')).toBeNull();

    element.querySelectorAll<HTMLButtonElement>('.chip')[1].click();
    await settle(fixture);
    expect(element.querySelectorAll('.chip')[1].querySelector('.badge')).toBeNull();
  });

  it('fetches the people again when the server says they changed', async () => {
    create();
    await answerState();
    await answerChats();

    events.send({ people: true });
    await answerState([...PEOPLE, person({ id: 4, name: 'Carl Newcomer', role: null, started: false })]);
    const requests: TestRequest[] = [];
    await until(() => requests.push(...pendingChats()) === 4, 'every chat to be asked for again');
    for (const request of requests) request.flush({ person: PEOPLE[0], messages: [] });
    await settle(fixture);

    expect(element.querySelectorAll('dg-chat-phone')).toHaveLength(4);
  });

  it('shows a banner while the event stream reconnects, then fetches everything again', async () => {
    create();
    await answerState();
    await answerChats();

    events.onerror?.();
    await settle(fixture);
    expect(textOf(element.querySelector('.banner'))).toBe('Connection to the sandbox lost. Reconnecting…');

    events.onopen?.();
    await answerState();
    await answerChats();
    expect(element.querySelector('.banner')).toBeNull();
  });

  it('offers Retry when the server cannot be reached', async () => {
    create();
    (await expectRequest(http, '/sandbox/api/state')).error(new ProgressEvent('error'));
    await until(() => element.querySelector('.error-card') !== null, 'the error card');
    await nextMacrotask();

    expect(textOf(element.querySelector('.error-card h2'))).toBe('The sandbox server cannot be reached');
    element.querySelector<HTMLButtonElement>('.error-card button')?.click();
    await answerState();
    await answerChats();

    expect(element.querySelector('.error-card')).toBeNull();
    expect(element.querySelectorAll('dg-chat-phone')).toHaveLength(3);
  });

  it('closes the event stream when the page goes', async () => {
    create();
    await answerState();
    await answerChats();

    fixture.destroy();

    expect(events.closed).toBe(true);
  });
});
