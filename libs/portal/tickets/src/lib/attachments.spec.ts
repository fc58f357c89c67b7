import { signal } from '@angular/core';
import { HttpEventType, provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { type AttachmentDto } from '@deskgram/api-client';
import { LanguageStore } from '@deskgram/portal/core';
import { click, nextMacrotask, providePortalForTests, statusText, textOf, type, until } from '@deskgram/portal/testing';
import { detail, field, message, ticket } from '../testing/tickets';
import { CLIENT_TICKETS_ROUTES } from './tickets.routes';
import { AttachmentLimits } from './shared/attachments/attachment-limits';

function file(name: string, size: number, type = 'text/plain'): File {
  return new File([new Uint8Array(size)], name, { type, lastModified: 1 });
}

/** Drops files on an element the way a browser does; jsdom has no DataTransfer, so the event carries a stand-in. */
function drop(target: Element, files: File[]): void {
  for (const name of ['dragenter', 'dragover', 'drop']) {
    const event = new Event(name, { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: { files, dropEffect: 'none' } });
    target.dispatchEvent(event);
  }
}

const PHOTO: AttachmentDto = { id: 'a1', fileName: 'screen.png', size: 1536, contentType: 'image/png' };
const REPORT: AttachmentDto = {
  id: 'a2',
  fileName: 'report.pdf',
  size: 3 * 1024 * 1024,
  contentType: 'application/pdf',
};

describe('attachments', () => {
  let http: HttpTestingController;
  let harness: RouterTestingHarness;
  const urls: string[] = [];

  beforeEach(() => {
    // The Russian case stores its choice of language.
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        // The server's file limits, as the API answers them by default (`GET /api/attachments/limits`).
        { provide: AttachmentLimits, useValue: { maxFiles: signal(10), maxFileBytes: signal(20 * 1024 * 1024) } },
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'client/tickets', children: CLIENT_TICKETS_ROUTES }], withComponentInputBinding()),
        providePortalForTests(),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    urls.length = 0;
    // jsdom has no object URLs.
    URL.createObjectURL = (blob: Blob) => {
      const url = `blob:test/${urls.length + 1}-${blob.size}`;
      urls.push(url);
      return url;
    };
    URL.revokeObjectURL = () => undefined;
  });

  afterEach(() => {
    http.verify();
  });

  function page(): HTMLElement {
    return harness.routeNativeElement as HTMLElement;
  }

  async function stable(): Promise<void> {
    await nextMacrotask();
    await harness.fixture.whenStable();
    await nextMacrotask();
    await harness.fixture.whenStable();
  }

  async function request(method: string, url: string): Promise<TestRequest> {
    await nextMacrotask();
    return http.expectOne((r) => r.method === method && r.url === url);
  }

  async function answer(req: TestRequest, body: object | Blob, status = 200): Promise<void> {
    req.flush(body, { status, statusText: statusText(status) });
    await stable();
  }

  async function openThread(messages = detail().messages): Promise<void> {
    harness = await RouterTestingHarness.create(`/client/tickets/${ticket().id}`);
    await answer(await request('GET', `/api/tickets/${ticket().id}`), detail({ messages }));
  }

  /** Opens a thread whose images ask for their thumbnails; the page is not stable until they are answered. */
  async function openThreadWithImages(messages: ReturnType<typeof message>[]): Promise<void> {
    harness = await RouterTestingHarness.create(`/client/tickets/${ticket().id}`);
    (await request('GET', `/api/tickets/${ticket().id}`)).flush(detail({ messages }));
    await nextMacrotask();
    harness.fixture.detectChanges();
  }

  it('takes dropped files, lists them with their size, refuses what goes beyond the limits, and removes one', async () => {
    await openThread();
    const zone = field(page(), 'dg-reply-box [data-testid="drop-zone"]');
    expect(textOf(zone)).toContain('Up to 10 files, 20 MB each');

    drop(zone, [file('notes.txt', 1536), file('huge.iso', 20 * 1024 * 1024 + 1), file('empty.txt', 0)]);
    await stable();
    expect(Array.from(page().querySelectorAll('.chosen-file')).map(textOf)).toEqual(['notes.txt1.5 KB']);
    const refusals = textOf(page().querySelector('.refused'));
    expect(refusals).toContain('“huge.iso” was not added: it is larger than 20 MB.');
    expect(refusals).toContain('“empty.txt” was not added: it is empty.');

    drop(
      zone,
      Array.from({ length: 10 }, (_, i) => file(`scan-${i}.pdf`, 10, 'application/pdf')),
    );
    await stable();
    expect(page().querySelectorAll('.chosen-file')).toHaveLength(10);
    expect(textOf(page().querySelector('.refused'))).toContain(
      'At most 10 files go with one message; 1 more were not added.',
    );

    field<HTMLButtonElement>(page(), 'button[aria-label="Remove notes.txt"]').click();
    await stable();
    expect(page().querySelectorAll('.chosen-file')).toHaveLength(9);
    expect(page().querySelector('.refused')).toBeNull();
    expect(page().querySelector('button[aria-label="Remove notes.txt"]')).toBeNull();
  });

  it('sends files without text as a form, shows the upload progress with the form disabled, then the files', async () => {
    await openThread();
    drop(field(page(), 'dg-reply-box [data-testid="drop-zone"]'), [file('notes.txt', 12), file('log.txt', 30)]);
    await stable();

    click(page(), 'Send');
    const reply = await request('POST', `/api/tickets/${ticket().id}/messages`);
    const form = reply.request.body as FormData;
    expect(form).toBeInstanceOf(FormData);
    expect(form.has('body')).toBe(false);
    expect((form.getAll('files') as File[]).map((f) => f.name)).toEqual(['notes.txt', 'log.txt']);

    reply.event({ type: HttpEventType.UploadProgress, loaded: 21, total: 42 });
    await stable();
    const bar = field(page(), 'mat-progress-bar');
    expect(bar.getAttribute('mode')).toBe('determinate');
    expect(bar.getAttribute('aria-valuenow')).toBe('50');
    expect(textOf(page().querySelector('dg-upload-progress'))).toContain('Sending files (2)… 50%');
    expect(field<HTMLTextAreaElement>(page(), 'dg-reply-box textarea').disabled).toBe(true);
    expect(field<HTMLButtonElement>(page(), 'dg-reply-box button.choose').disabled).toBe(true);

    await answer(
      reply,
      message({
        id: 'm3',
        body: '',
        attachments: [
          { id: 'f1', fileName: 'notes.txt', size: 12, contentType: 'text/plain' },
          { id: 'f2', fileName: 'log.txt', size: 30, contentType: 'text/plain' },
        ],
      }),
    );
    const last = Array.from(page().querySelectorAll('.message')).pop();
    expect(last?.querySelector('.body')).toBeNull();
    expect(Array.from(last?.querySelectorAll('.attachment') ?? []).map(textOf)).toEqual([
      'notes.txt12 B',
      'log.txt30 B',
    ]);
    expect(page().querySelector('.chosen-file')).toBeNull();
    expect(page().querySelector('mat-progress-bar')).toBeNull();
    expect(field<HTMLTextAreaElement>(page(), 'dg-reply-box textarea').disabled).toBe(false);
  });

  it('sends text and files together, and still requires one of them', async () => {
    await openThread();
    click(page(), 'Send');
    await stable();
    http.expectNone(`/api/tickets/${ticket().id}/messages`);
    expect(textOf(page().querySelector('dg-reply-box'))).toContain('Write something or attach a file.');

    type(field(page(), 'dg-reply-box textarea'), ' See the log. ');
    drop(field(page(), 'dg-reply-box [data-testid="drop-zone"]'), [file('log.txt', 30)]);
    await stable();
    click(page(), 'Send');
    const reply = await request('POST', `/api/tickets/${ticket().id}/messages`);
    expect((reply.request.body as FormData).get('body')).toBe('See the log.');
    await answer(reply, message({ id: 'm3', body: 'See the log.' }));
  });

  it('shows a refused upload with the API’s reason and keeps the files', async () => {
    await openThread();
    drop(field(page(), 'dg-reply-box [data-testid="drop-zone"]'), [file('log.txt', 30)]);
    await stable();
    click(page(), 'Send');
    await answer(
      await request('POST', `/api/tickets/${ticket().id}/messages`),
      { statusCode: 413, message: 'A file is larger than 1 MB', code: 'attachment.too_large' },
      413,
    );
    expect(textOf(document.querySelector('mat-snack-bar-container'))).toContain('A file is too large.');
    expect(page().querySelectorAll('.chosen-file')).toHaveLength(1);
  });

  it('lists a message’s files with icon, size and download, and shows images as thumbnails', async () => {
    await openThreadWithImages([message({ attachments: [PHOTO, REPORT] })]);
    const items = Array.from(page().querySelectorAll('.attachment'));
    expect(items.map(textOf)).toEqual(['screen.png1.5 KB', 'report.pdf3 MB']);
    expect(items[0].querySelector('mat-icon.kind')?.getAttribute('data-mat-icon-name')).toBe('image');
    expect(items[1].querySelector('mat-icon.kind')?.getAttribute('data-mat-icon-name')).toBe('picture_as_pdf');
    expect(items[0].querySelector('[role="status"]')?.getAttribute('aria-label')).toBe('Loading the preview…');

    const thumb = await request('GET', '/api/attachments/a1');
    expect(thumb.request.responseType).toBe('blob');
    await answer(thumb, new Blob([new Uint8Array(1536)], { type: 'image/png' }));
    await until(() => items[0].querySelector('img.thumb') !== null, 'the thumbnail');
    const image = items[0].querySelector('img.thumb');
    // A data: URL: the API's Content-Security-Policy allows no blob: images.
    expect(image?.getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(items[1].querySelector('img')).toBeNull();

    const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
      this: HTMLAnchorElement,
    ) {
      expect(this.download).toBe('report.pdf');
      expect(this.href).toBe(urls[0]);
    });
    field<HTMLButtonElement>(items[1], 'button[aria-label="Download report.pdf"]').click();
    await answer(await request('GET', '/api/attachments/a2'), new Blob([new Uint8Array(10)]));
    expect(clicked).toHaveBeenCalledTimes(1);
    clicked.mockRestore();
    expect(urls).toHaveLength(1);
  });

  it('says when a thumbnail cannot be loaded, and sizes in Russian', async () => {
    await openThreadWithImages([message({ attachments: [PHOTO] })]);
    await answer(await request('GET', '/api/attachments/a1'), new Blob(['{"statusCode":500}']), 500);
    expect(textOf(page().querySelector('.attachment .state'))).toBe('No preview');

    TestBed.inject(LanguageStore).setLanguage('ru');
    await stable();
    expect(textOf(page().querySelector('.attachment .size'))).toBe('1,5 КБ');
  });

  it('opens a ticket with files and no description, disabled and with an indeterminate bar until it is done', async () => {
    harness = await RouterTestingHarness.create('/client/tickets/new');
    await stable();
    type(field(page(), 'input.subject-input'), 'Printer offline');
    click(page(), 'Open ticket');
    await stable();
    http.expectNone('/api/tickets');
    expect(textOf(page())).toContain('Describe the problem or attach a file.');

    drop(field(page(), '[data-testid="drop-zone"]'), [file('photo.png', 2048, 'image/png')]);
    await stable();
    expect(textOf(page())).not.toContain('Describe the problem or attach a file.');
    click(page(), 'Open ticket');
    const create = await request('POST', '/api/tickets');
    const form = create.request.body as FormData;
    expect(form.get('subject')).toBe('Printer offline');
    expect(form.get('priority')).toBe('normal');
    expect(form.has('body')).toBe(false);
    expect((form.getAll('files') as File[]).map((f) => f.name)).toEqual(['photo.png']);

    await stable();
    expect(field(page(), 'mat-progress-bar').getAttribute('mode')).toBe('indeterminate');
    expect(field<HTMLInputElement>(page(), 'input.subject-input').disabled).toBe(true);
    expect(field<HTMLButtonElement>(page(), 'button[aria-label="Remove photo.png"]').disabled).toBe(true);

    create.flush(detail());
    await nextMacrotask();
    await nextMacrotask();
    expect(TestBed.inject(Router).url).toBe(`/client/tickets/${ticket().id}`);
    await answer(await request('GET', `/api/tickets/${ticket().id}`), detail());
  });

  it('keeps the browser from opening files dropped beside the zone, but lets text drop', async () => {
    await openThread();
    const stray = (types: string[]): boolean => {
      const event = new Event('drop', { bubbles: true, cancelable: true });
      Object.defineProperty(event, 'dataTransfer', { value: { files: [], types } });
      page().querySelector('h1')?.dispatchEvent(event);
      return event.defaultPrevented;
    };
    expect(stray(['Files'])).toBe(true);
    expect(stray(['text/plain'])).toBe(false);
  });
});
