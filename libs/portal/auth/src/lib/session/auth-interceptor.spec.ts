import { HttpClient, HttpErrorResponse, provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { type SessionDto } from '@deskgram/api-client';
import { firstValueFrom } from 'rxjs';
import { authInterceptor } from './auth-interceptor';
import { AuthStore, SESSION_STORAGE_KEY } from './auth-store';

function session(tokens: string): SessionDto {
  return {
    accessToken: `access-${tokens}`,
    refreshToken: `refresh-${tokens}`,
    user: { id: 'id-anna', email: 'anna@example.com', displayName: 'Anna', role: 'client', clientId: 'c-1' },
  };
}

const UNAUTHORIZED = { status: 401, statusText: 'Unauthorized' };
const EXPIRED = { statusCode: 401, error: 'Unauthorized', message: 'Unauthorized' };

function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

describe('authInterceptor', () => {
  let http: HttpTestingController;
  let client: HttpClient;

  function signedIn(tokens = 'old'): void {
    localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(session(tokens)));
  }

  beforeEach(() => {
    localStorage.clear();
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(withInterceptors([authInterceptor])),
        provideHttpClientTesting(),
        provideRouter([{ path: '**', children: [] }]),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    client = TestBed.inject(HttpClient);
  });

  afterEach(() => http.verify());

  function authorization(request: TestRequest): string | null {
    return request.request.headers.get('Authorization');
  }

  it('signs requests to the API with the access token', async () => {
    signedIn();

    const answer = firstValueFrom(client.get('/api/clients'));
    const request = http.expectOne('/api/clients');
    request.flush({ items: [] });

    expect(authorization(request)).toBe('Bearer access-old');
    expect(await answer).toEqual({ items: [] });
  });

  it('sends the token nowhere else: not with the translations, not to another site', () => {
    signedIn();

    client.get('/i18n/en.json').subscribe();
    client.get('https://elsewhere.example/api/clients').subscribe();

    expect(authorization(http.expectOne('/i18n/en.json'))).toBeNull();
    expect(authorization(http.expectOne('https://elsewhere.example/api/clients'))).toBeNull();
  });

  it('never sends an access token with signing in or refreshing', () => {
    signedIn();

    client.post('/api/auth/login', {}).subscribe();
    client.post('/api/auth/telegram', {}).subscribe();
    client.post('/api/auth/refresh', {}).subscribe();

    expect(authorization(http.expectOne('/api/auth/login'))).toBeNull();
    expect(authorization(http.expectOne('/api/auth/telegram'))).toBeNull();
    expect(authorization(http.expectOne('/api/auth/refresh'))).toBeNull();
  });

  it('sends no token when nobody is signed in', () => {
    client.get('/api/health').subscribe();

    expect(authorization(http.expectOne('/api/health'))).toBeNull();
  });

  describe('when the API refuses the access token', () => {
    it('refreshes once and retries the request once, with the new token', async () => {
      signedIn();

      const answer = firstValueFrom(client.get('/api/auth/me'));
      http.expectOne('/api/auth/me').flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      const refresh = http.expectOne('/api/auth/refresh');
      expect(refresh.request.body).toEqual({ refreshToken: 'refresh-old' });
      refresh.flush(session('new'));
      await nextTask();
      const retry = http.expectOne('/api/auth/me');
      expect(authorization(retry)).toBe('Bearer access-new');
      retry.flush({ id: 'id-anna' });

      expect(await answer).toEqual({ id: 'id-anna' });
      expect(TestBed.inject(AuthStore).accessToken()).toBe('access-new');
      expect(JSON.parse(localStorage.getItem(SESSION_STORAGE_KEY) ?? '{}').refreshToken).toBe('refresh-new');
    });

    it('shares one refresh between requests refused at the same time', async () => {
      signedIn();

      const answers = Promise.all([
        firstValueFrom(client.get('/api/clients')),
        firstValueFrom(client.get('/api/users')),
        firstValueFrom(client.get('/api/auth/me')),
      ]);
      for (const url of ['/api/clients', '/api/users', '/api/auth/me']) {
        http.expectOne(url).flush(EXPIRED, UNAUTHORIZED);
      }
      await nextTask();
      http.expectOne('/api/auth/refresh').flush(session('new'));
      await nextTask();
      const retries = ['/api/clients', '/api/users', '/api/auth/me'].map((url) => http.expectOne(url));
      for (const retry of retries) retry.flush({ ok: true });

      expect(retries.map(authorization)).toEqual(Array(3).fill('Bearer access-new'));
      expect(await answers).toEqual(Array(3).fill({ ok: true }));
      http.expectNone('/api/auth/refresh');
    });

    it('uses a token refreshed meanwhile instead of refreshing again', async () => {
      signedIn();
      const first = firstValueFrom(client.get('/api/clients'));
      const late = firstValueFrom(client.get('/api/users'));
      const [clients, users] = [http.expectOne('/api/clients'), http.expectOne('/api/users')];

      clients.flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      http.expectOne('/api/auth/refresh').flush(session('new'));
      await nextTask();
      http.expectOne('/api/clients').flush([]);
      await first;
      // This answer was on its way with the old token while the refresh happened.
      users.flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      const retry = http.expectOne('/api/users');
      retry.flush([]);

      expect(authorization(retry)).toBe('Bearer access-new');
      expect(await late).toEqual([]);
    });

    it('signs out and opens the sign-in page with the way back when the refresh is refused', async () => {
      signedIn();
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/client/tickets');

      const answer = firstValueFrom(client.get('/api/auth/me'));
      http.expectOne('/api/auth/me').flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      http.expectOne('/api/auth/refresh').flush(
        {
          statusCode: 401,
          error: 'Unauthorized',
          message: 'This refresh token was already used',
          code: 'auth.refresh_reused',
        },
        UNAUTHORIZED,
      );

      await expect(answer).rejects.toBeInstanceOf(HttpErrorResponse);
      await nextTask();
      expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
      expect(localStorage.getItem(SESSION_STORAGE_KEY)).toBeNull();
      // The sign-in page says why: the sign-in was ended elsewhere.
      expect(router.url).toBe('/sign-in?returnUrl=%2Fclient%2Ftickets&reason=ended');
      http.expectNone('/api/auth/me');
    });

    it('keeps the session when the refresh cannot reach the service', async () => {
      signedIn();

      const answer = firstValueFrom(client.get('/api/auth/me'));
      http.expectOne('/api/auth/me').flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      http.expectOne('/api/auth/refresh').error(new ProgressEvent('error'), { status: 0 });

      await expect(answer).rejects.toMatchObject({ status: 401 });
      expect(TestBed.inject(AuthStore).accessToken()).toBe('access-old');
    });

    it('hands the second refusal to the caller instead of refreshing in a loop', async () => {
      signedIn();

      const answer = firstValueFrom(client.get('/api/users'));
      http.expectOne('/api/users').flush(EXPIRED, UNAUTHORIZED);
      await nextTask();
      http.expectOne('/api/auth/refresh').flush(session('new'));
      await nextTask();
      http.expectOne('/api/users').flush(EXPIRED, UNAUTHORIZED);

      await expect(answer).rejects.toMatchObject({ status: 401 });
      await nextTask();
      http.expectNone('/api/auth/refresh');
    });

    it('passes other failures through untouched', async () => {
      signedIn();

      const answer = firstValueFrom(client.get('/api/users'));
      http.expectOne('/api/users').flush({ statusCode: 403 }, { status: 403, statusText: 'Forbidden' });

      await expect(answer).rejects.toMatchObject({ status: 403 });
      http.expectNone('/api/auth/refresh');
    });
  });
});
