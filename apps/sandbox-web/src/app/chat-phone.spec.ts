import { HttpTestingController, type TestRequest } from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  apiError,
  BOT,
  expectRequest,
  message,
  person,
  provideSandboxForTests,
  settle,
  textOf,
  until,
} from '../testing/sandbox-testing';
import { ChatPhone } from './chat-phone';
import { type Chat, type ChatMessage, type Person } from './sandbox-api';

describe(ChatPhone.name, () => {
  let fixture: ComponentFixture<ChatPhone>;
  let http: HttpTestingController;
  let element: HTMLElement;

  async function setUp(who: Person = person(), messages: ChatMessage[] = []): Promise<void> {
    TestBed.configureTestingModule({ providers: provideSandboxForTests() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChatPhone);
    fixture.componentRef.setInput('person', who);
    fixture.componentRef.setInput('bot', BOT);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    await answerChat({ person: who, messages });
  }

  /** Answers the phone's next fetch of its chat and waits for it to show. */
  async function answerChat(chat: Chat): Promise<void> {
    (await expectRequest(http, { method: 'GET', url: `/sandbox/api/chats/${chat.person.id}` })).flush(chat);
    await settle(fixture);
  }

  async function post(path: string): Promise<TestRequest> {
    return expectRequest(http, { method: 'POST', url: `/sandbox/api/chats/1/${path}` });
  }

  function button(label: string): HTMLButtonElement {
    const found = Array.from(element.querySelectorAll<HTMLButtonElement>('button')).find(
      (candidate) => textOf(candidate) === label || candidate.getAttribute('aria-label') === label,
    );
    if (!found) throw new Error(`No button "${label}"`);
    return found;
  }

  function textField(): HTMLTextAreaElement {
    return element.querySelector('textarea') as HTMLTextAreaElement;
  }

  async function typeText(text: string): Promise<void> {
    textField().value = text;
    textField().dispatchEvent(new Event('input'));
    await settle(fixture);
  }

  function overlayText(selector: string): string {
    return textOf(document.querySelector(selector));
  }

  afterEach(() => {
    http.verify();
  });

  it('shows the person, the bot’s messages on the left and theirs on the right', async () => {
    await setUp(person(), [
      message({ id: 1, text: 'Ticket #42 was answered', edited: true, reactions: ['👍'] }),
      message({
        id: 2,
        from: 'person',
        text: 'Thanks',
        replyTo: { id: 1, from: 'bot', text: 'Ticket #42 was answered' },
      }),
    ]);

    expect(textOf(element.querySelector('.name'))).toBe('Anna Petrova');
    expect(textOf(element.querySelector('.subtitle'))).toBe('Client · Acme');
    expect(textOf(element.querySelector('.avatar'))).toBe('AP');
    const bubbles = element.querySelectorAll('dg-message-bubble');
    expect(bubbles[0].classList).not.toContain('mine');
    expect(textOf(bubbles[0].querySelector('.meta span'))).toBe('edited');
    expect(textOf(bubbles[0].querySelector('.meta time'))).toMatch(/^\d\d:\d\d$/);
    expect(textOf(bubbles[0].querySelector('.reactions'))).toBe('👍');
    expect(bubbles[1].classList).toContain('mine');
    expect(textOf(bubbles[1].querySelector('.quote-author'))).toBe('Deskgram');
    expect(textOf(bubbles[1].querySelector('.quote-text'))).toBe('Ticket #42 was answered');
  });

  it('says so when there are no messages yet', async () => {
    await setUp();

    expect(textOf(element.querySelector('.notice'))).toBe('No messages yet');
  });

  it('offers Retry when the chat cannot be loaded', async () => {
    TestBed.configureTestingModule({ providers: provideSandboxForTests() });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(ChatPhone);
    fixture.componentRef.setInput('person', person());
    fixture.componentRef.setInput('bot', BOT);
    element = fixture.nativeElement as HTMLElement;
    fixture.detectChanges();
    (await expectRequest(http, '/sandbox/api/chats/1')).error(new ProgressEvent('error'));
    await until(() => element.querySelector('.error-card') !== null, 'the error card');
    await settle(fixture);

    button('Retry').click();
    await answerChat({ person: person(), messages: [message()] });

    expect(element.querySelector('.error-card')).toBeNull();
    expect(element.querySelectorAll('dg-message-bubble')).toHaveLength(1);
  });

  it('sends the typed text on Enter, then shows the chat as it now is', async () => {
    await setUp();
    await typeText('  My printer is on fire  ');

    textField().dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', cancelable: true }));
    const sent = await post('messages');
    expect(sent.request.body).toEqual({ text: 'My printer is on fire' });
    await settle(fixture);
    expect(textField().disabled).toBe(true);
    expect(element.querySelector('mat-progress-bar')).not.toBeNull();
    sent.flush({ ok: true });
    await answerChat({ person: person(), messages: [message({ from: 'person', text: 'My printer is on fire' })] });

    expect(textField().value).toBe('');
    expect(textField().disabled).toBe(false);
    expect(textOf(element.querySelector('dg-message-bubble .text'))).toBe('My printer is on fire');
  });

  it('keeps Shift+Enter for a new line', async () => {
    await setUp();
    await typeText('line');

    const event = new KeyboardEvent('keydown', { key: 'Enter', shiftKey: true, cancelable: true });
    textField().dispatchEvent(event);
    await settle(fixture);

    expect(event.defaultPrevented).toBe(false);
    expect(http.match({ method: 'POST' })).toHaveLength(0);
  });

  it('replies to a bot message: the preview shows above the composer and the reply goes with the text', async () => {
    await setUp(person(), [message({ id: 7, text: 'Rate our answer' })]);

    button('Reply').click();
    await settle(fixture);
    expect(textOf(element.querySelector('.reply-preview .reply-author'))).toBe('Reply to Deskgram');
    expect(textOf(element.querySelector('.reply-preview .reply-quote'))).toBe('Rate our answer');
    await typeText('Five stars');
    button('Send').click();

    const sent = await post('messages');
    expect(sent.request.body).toEqual({ text: 'Five stars', replyTo: 7 });
    sent.flush({ ok: true });
    await answerChat({ person: person(), messages: [message({ id: 7 })] });
    expect(element.querySelector('.reply-preview')).toBeNull();
  });

  it('drops the reply when it is cancelled', async () => {
    await setUp(person(), [message({ id: 7 })]);
    button('Reply').click();
    await settle(fixture);

    button('Cancel the reply').click();
    await settle(fixture);
    await typeText('Just text');
    button('Send').click();

    const sent = await post('messages');
    expect(sent.request.body).toEqual({ text: 'Just text' });
    sent.flush({ ok: true });
    await answerChat({ person: person(), messages: [] });
  });

  it('shows the server’s message when sending is refused, and keeps the text', async () => {
    await setUp();
    await typeText('Hello');
    button('Send').click();

    (await post('messages')).flush(apiError(400, 'The bot is blocked by this person'), {
      status: 400,
      statusText: 'Bad Request',
    });
    await until(() => overlayText('mat-snack-bar-container') !== '', 'the snack bar');

    expect(overlayText('mat-snack-bar-container')).toContain('The bot is blocked by this person');
    expect(textField().value).toBe('Hello');
  });

  describe('inline buttons', () => {
    const withButtons = () =>
      message({
        id: 5,
        text: 'Is it solved?',
        buttons: [
          [
            { text: 'Yes', data: 'solved:42' },
            { text: 'No', data: 'open:42' },
          ],
          [{ text: 'Portal', url: 'https://x.test/t/42' }],
        ],
      });

    it('lays out the rows and opens a URL button in a new tab', async () => {
      await setUp(person(), [withButtons()]);

      const rows = element.querySelectorAll('.keyboard-row');
      expect(Array.from(rows, (row) => textOf(row))).toEqual(['Yes No', 'Portal']);
      const link = rows[1].querySelector('a');
      expect(link?.getAttribute('href')).toBe('https://x.test/t/42');
      expect(link?.target).toBe('_blank');
    });

    it('presses a data button and shows the bot’s answer in a snack bar', async () => {
      await setUp(person(), [withButtons()]);

      button('Yes').click();
      const pressed = await post('buttons');
      expect(pressed.request.body).toEqual({ messageId: 5, data: 'solved:42' });
      pressed.flush({ answer: { text: 'Marked as solved', showAlert: false } });
      await answerChat({ person: person(), messages: [withButtons()] });

      expect(overlayText('mat-snack-bar-container')).toContain('Marked as solved');
    });

    it('shows an alert answer in a dialog', async () => {
      await setUp(person(), [withButtons()]);

      button('No').click();
      (await post('buttons')).flush({ answer: { text: 'The ticket stays open', showAlert: true } });
      await answerChat({ person: person(), messages: [withButtons()] });

      expect(overlayText('mat-dialog-container')).toContain('The ticket stays open');
    });
  });

  describe('files', () => {
    async function attach(file: File): Promise<TestRequest> {
      const input = element.querySelector<HTMLInputElement>('input[type=file]') as HTMLInputElement;
      Object.defineProperty(input, 'files', { value: [file], configurable: true });
      input.dispatchEvent(new Event('change'));
      return expectRequest(http, (request) => request.url === '/sandbox/api/chats/1/files');
    }

    it('sends an image as a photo with the typed text as its caption', async () => {
      await setUp();
      await typeText('The error');
      const file = new File(['png'], 'screen.png', { type: 'image/png' });

      const sent = await attach(file);

      expect(sent.request.body).toBe(file);
      expect(sent.request.headers.get('Content-Type')).toBe('application/octet-stream');
      expect(sent.request.params.get('type')).toBe('image/png');
      expect(sent.request.params.get('name')).toBe('screen.png');
      expect(sent.request.params.get('kind')).toBe('photo');
      expect(sent.request.params.get('caption')).toBe('The error');
      expect(sent.request.params.has('replyTo')).toBe(false);
      sent.flush({ ok: true });
      await answerChat({ person: person(), messages: [] });
      expect(textField().value).toBe('');
    });

    it('sends anything else as a document, in reply to the chosen message', async () => {
      await setUp(person(), [message({ id: 3 })]);
      button('Reply').click();
      await settle(fixture);

      const sent = await attach(new File(['%PDF'], 'act.pdf', { type: 'application/pdf' }));

      expect(sent.request.params.get('kind')).toBe('document');
      expect(sent.request.params.get('replyTo')).toBe('3');
      expect(sent.request.params.has('caption')).toBe(false);
      sent.flush({ ok: true });
      await answerChat({ person: person(), messages: [] });
    });

    it('shows a photo that opens full size, and a document as a row with its size', async () => {
      await setUp(person(), [
        message({ id: 1, text: '', file: { id: 'a', kind: 'photo', url: '/sandbox/api/files/a' } }),
        message({
          id: 2,
          text: 'The act',
          file: { id: 'b', kind: 'document', name: 'act.pdf', size: 2560, url: '/sandbox/api/files/b' },
        }),
      ]);

      const photo = element.querySelector('a.photo');
      expect(photo?.getAttribute('href')).toBe('/sandbox/api/files/a');
      expect(photo?.getAttribute('target')).toBe('_blank');
      expect(photo?.querySelector('img')?.getAttribute('src')).toBe('/sandbox/api/files/a');
      const document = element.querySelector('a.document');
      expect(document?.getAttribute('href')).toBe('/sandbox/api/files/b');
      expect(textOf(document?.querySelector('.document-name'))).toBe('act.pdf');
      expect(textOf(document?.querySelector('.document-size'))).toBe('2.5 KB');
    });
  });

  describe('blocking and Start', () => {
    async function openMenuItem(label: string): Promise<void> {
      button('Chat menu').click();
      await settle(fixture);
      const item = Array.from(document.querySelectorAll<HTMLButtonElement>('.mat-mdc-menu-item')).find(
        (candidate) => textOf(candidate) === label,
      );
      if (!item) throw new Error(`No menu item "${label}"`);
      item.click();
    }

    it('blocks the bot from the menu; the composer then gives way to Unblock', async () => {
      await setUp();

      await openMenuItem('Block bot');
      const blocked = await post('blocked');
      expect(blocked.request.body).toEqual({ blocked: true });
      blocked.flush({ ok: true });
      await answerChat({ person: person({ blocked: true }), messages: [] });

      expect(textOf(element.querySelector('.subtitle'))).toBe('You blocked the bot');
      expect(element.querySelector('textarea')).toBeNull();

      button('Unblock').click();
      const unblocked = await post('blocked');
      expect(unblocked.request.body).toEqual({ blocked: false });
      unblocked.flush({ ok: true });
      await answerChat({ person: person(), messages: [] });
      expect(element.querySelector('textarea')).not.toBeNull();
    });

    it('shows a Start button until the person has started the bot', async () => {
      await setUp(person({ started: false }));
      expect(element.querySelector('textarea')).toBeNull();

      button('Start').click();
      (await post('start')).flush({ ok: true });
      await answerChat({ person: person(), messages: [message({ from: 'person', text: '/start' })] });

      expect(element.querySelector('textarea')).not.toBeNull();
    });

    it('presses Start again from the menu', async () => {
      await setUp();

      await openMenuItem('Press Start');
      (await post('start')).flush({ ok: true });
      await answerChat({ person: person(), messages: [] });
    });
  });

  it('tells the page how many new bot messages arrived when the chat changes', async () => {
    await setUp(person(), [message({ id: 1 })]);
    const arrived = jest.fn();
    fixture.componentInstance.arrived.subscribe(arrived);

    fixture.componentRef.setInput('version', 1);
    fixture.detectChanges();
    await answerChat({
      person: person(),
      messages: [message({ id: 1 }), message({ id: 2, from: 'person' }), message({ id: 3 }), message({ id: 4 })],
    });

    expect(arrived).toHaveBeenCalledWith(2);
  });
});
