import { HttpErrorResponse } from '@angular/common/http';
import { TestBed } from '@angular/core/testing';
import { TranslocoService, TranslocoTestingModule } from '@jsverse/transloco';
import { ERROR_CODES } from '@deskgram/shared/contract';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiErrorOf, apiErrorText, errorCodeKey, type ErrorTexts } from './api-error';

function failure(status: number, body: unknown): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: body, url: '/api/clients' });
}

describe('apiErrorOf', () => {
  it('reads the status, code and message the API sent', () => {
    const error = failure(409, { statusCode: 409, error: 'Conflict', message: 'Taken', code: 'user.email_taken' });

    expect(apiErrorOf(error)).toEqual({ status: 409, code: 'user.email_taken', message: 'Taken' });
  });

  it('also reads a failure that a resource has wrapped', () => {
    const wrapped = new Error('Resource failed', { cause: failure(404, { message: 'No client' }) });

    expect(apiErrorOf(wrapped)).toEqual({ status: 404, code: null, message: 'No client' });
  });

  it('reads the JSON text of a call made for a text answer (one that answers nothing on success)', () => {
    const text = JSON.stringify({ statusCode: 400, error: 'Bad Request', message: 'Used', code: 'auth.reset_used' });

    expect(apiErrorOf(failure(400, text))).toEqual({ status: 400, code: 'auth.reset_used', message: 'Used' });
  });

  it('knows only the codes of the API', () => {
    const error = failure(409, { message: 'Something new', code: 'ticket.archived' });

    expect(apiErrorOf(error)).toEqual({ status: 409, code: null, message: 'Something new' });
  });

  it('has no message when the answer was not the API’s JSON', () => {
    expect(apiErrorOf(failure(502, '<html>Bad gateway</html>'))).toEqual({ status: 502, code: null, message: null });
  });

  it('has no status for a failure that is not an HTTP one', () => {
    expect(apiErrorOf(new TypeError('undefined is not a function')).status).toBeNull();
  });
});

describe('apiErrorText', () => {
  let transloco: TranslocoService;

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [
        TranslocoTestingModule.forRoot({
          langs: {
            en: {
              common: { offline: 'Offline', unexpectedError: 'Something went wrong' },
              taken: 'That e-mail is taken',
              apiErrors: { ticket: { closed: 'This ticket is closed' } },
            },
          },
          translocoConfig: { availableLangs: ['en'], defaultLang: 'en' },
          preloadLangs: true,
        }),
      ],
    });
    transloco = TestBed.inject(TranslocoService);
  });

  it('translates a code the page knows', () => {
    const error = failure(409, { message: 'A user with the e-mail a@b.c already exists', code: 'user.email_taken' });

    expect(apiErrorText(error, transloco, { 'user.email_taken': 'taken' })).toBe('That e-mail is taken');
  });

  it('translates any other code the portal has a sentence for', () => {
    const error = failure(409, { message: 'Ticket T-1 is closed', code: 'ticket.closed' });

    expect(apiErrorText(error, transloco, { 'user.email_taken': 'taken' })).toBe('This ticket is closed');
  });

  it('shows the API’s own message for a code without a sentence', () => {
    const error = failure(404, { message: 'No client with id 1', code: 'client.not_found' });

    expect(apiErrorText(error, transloco)).toBe('No client with id 1');
  });

  it('shows the API’s own message for anything else', () => {
    const error = failure(400, { message: 'phone may hold digits', code: 'validation' });

    expect(apiErrorText(error, transloco, { 'user.email_taken': 'taken' })).toBe('phone may hold digits');
  });

  it('says the server cannot be reached when there was no answer', () => {
    expect(apiErrorText(failure(0, new ProgressEvent('error')), transloco)).toBe('Offline');
  });

  it('falls back to a general line when there is nothing better to say', () => {
    expect(apiErrorText(failure(500, null), transloco)).toBe('Something went wrong');
  });
});

describe('error code translations', () => {
  function translations(language: string): Record<string, unknown> {
    const file = join(__dirname, '../../../../../../apps/portal/public/i18n', `${language}.json`);
    return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
  }

  function lookup(tree: Record<string, unknown>, key: string): unknown {
    return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree);
  }

  it.each(['en', 'ru'])('has a sentence in %s for every code of the API', (language) => {
    const tree = translations(language);
    const missing = ERROR_CODES.filter((code) => typeof lookup(tree, errorCodeKey(code)) !== 'string');

    expect(missing).toEqual([]);
  });

  it('refuses, at compile time, a page text for a code the API never sends', () => {
    const texts: ErrorTexts = {
      'user.email_taken': 'clients.errors.emailTaken',
      // @ts-expect-error: no such code
      'user.email_exists': 'clients.errors.emailTaken',
    };

    expect(Object.keys(texts)).toHaveLength(2);
  });
});
