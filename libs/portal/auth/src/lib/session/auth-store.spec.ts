import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { type Role, type SessionDto } from '@deskgram/api-client';
import { authInterceptor } from './auth-interceptor';
import { AuthStore, SESSION_STORAGE_KEY } from './auth-store';

function sessionFor(role: Role, tokens = 'first'): SessionDto {
  return {
    accessToken: `access-${tokens}`,
    refreshToken: `refresh-${tokens}`,
    user: { id: `id-${role}`, email: `${role}@example.com`, displayName: `The ${role}`, role, clientId: null },
  };
}

function storedSession(): unknown {
  const raw = localStorage.getItem(SESSION_STORAGE_KEY);
  return raw === null ? null : JSON.parse(raw);
}

/** The generated client is Promise-based: its requests reach the backend after the current task. */
function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve));
}

describe(AuthStore.name, () => {
  let http: HttpTestingController;

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
  });

  afterEach(() => http.verify());

  describe('signIn', () => {
    it('keeps the session and tells who signed in', async () => {
      const auth = TestBed.inject(AuthStore);

      const signingIn = auth.signIn('client@example.com', 'secret');
      await nextTask();
      const request = http.expectOne('/api/auth/login');
      expect(request.request.body).toEqual({ email: 'client@example.com', password: 'secret' });
      request.flush(sessionFor('client'));

      expect(await signingIn).toEqual(sessionFor('client').user);
      expect(auth.isSignedIn()).toBe(true);
      expect(auth.user()?.displayName).toBe('The client');
      expect(auth.role()).toBe('client');
      expect(auth.isStaff()).toBe(false);
      expect(auth.home()).toBe('/client');
      expect(auth.accessToken()).toBe('access-first');
      expect(storedSession()).toEqual(sessionFor('client'));
    });

    it('counts admins and agents as staff', async () => {
      const auth = TestBed.inject(AuthStore);

      const signingIn = auth.signIn('agent@example.com', 'secret');
      await nextTask();
      http.expectOne('/api/auth/login').flush(sessionFor('agent'));
      await signingIn;

      expect(auth.isStaff()).toBe(true);
      expect(auth.home()).toBe('/staff');
    });

    it('leaves nobody signed in when the API refuses the password', async () => {
      const auth = TestBed.inject(AuthStore);

      const signingIn = auth.signIn('client@example.com', 'wrong');
      await nextTask();
      http
        .expectOne('/api/auth/login')
        .flush(
          { statusCode: 401, error: 'Unauthorized', message: 'Wrong e-mail or password' },
          { status: 401, statusText: 'Unauthorized' },
        );

      await expect(signingIn).rejects.toMatchObject({ status: 401 });
      expect(auth.isSignedIn()).toBe(false);
      expect(storedSession()).toBeNull();
    });
  });

  describe('signInWithTelegram', () => {
    it("sends the Mini App's raw init data and keeps the session", async () => {
      const auth = TestBed.inject(AuthStore);

      const signingIn = auth.signInWithTelegram('query_id=1&user=%7B%7D&hash=abc');
      await nextTask();
      const request = http.expectOne('/api/auth/telegram');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ initData: 'query_id=1&user=%7B%7D&hash=abc' });
      request.flush(sessionFor('client'));

      expect(await signingIn).toEqual(sessionFor('client').user);
      expect(auth.home()).toBe('/client');
      expect(storedSession()).toEqual(sessionFor('client'));
    });

    it('leaves nobody signed in when the Telegram account is not linked', async () => {
      const auth = TestBed.inject(AuthStore);

      const signingIn = auth.signInWithTelegram('hash=abc');
      await nextTask();
      http
        .expectOne('/api/auth/telegram')
        .flush(
          { statusCode: 401, error: 'Unauthorized', message: 'Not linked', code: 'auth.telegram_not_linked' },
          { status: 401, statusText: 'Unauthorized' },
        );

      await expect(signingIn).rejects.toMatchObject({ status: 401 });
      expect(auth.isSignedIn()).toBe(false);
    });
  });

  describe('after a reload', () => {
    it('is still signed in from the stored session', () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('admin')));

      const auth = TestBed.inject(AuthStore);

      expect(auth.user()?.role).toBe('admin');
      expect(auth.accessToken()).toBe('access-first');
    });

    it('ignores a stored value that is not a session', () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify({ accessToken: 'x', user: { role: 'root' } }));

      expect(TestBed.inject(AuthStore).isSignedIn()).toBe(false);
    });

    it('updates the stored user from the API once', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client')));
      const auth = TestBed.inject(AuthStore);

      const verifying = auth.verify();
      await nextTask();
      const request = http.expectOne('/api/auth/me');
      expect(request.request.headers.get('Authorization')).toBe('Bearer access-first');
      request.flush({ ...sessionFor('client').user, displayName: 'Renamed' });
      await verifying;
      await auth.verify();

      expect(auth.user()?.displayName).toBe('Renamed');
      expect((storedSession() as SessionDto).user.displayName).toBe('Renamed');
    });
  });

  describe('signOut', () => {
    it('ends the sign-in on the server, forgets the session and opens the sign-in page', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client')));
      const auth = TestBed.inject(AuthStore);
      const router = TestBed.inject(Router);
      await router.navigateByUrl('/client');

      const signingOut = auth.signOut();
      await nextTask();
      const request = http.expectOne('/api/auth/logout');
      expect(request.request.method).toBe('POST');
      expect(request.request.body).toEqual({ refreshToken: 'refresh-first' });
      expect(request.request.headers.get('Authorization')).toBe('Bearer access-first');
      request.flush(null, { status: 204, statusText: 'No Content' });
      await signingOut;

      expect(auth.isSignedIn()).toBe(false);
      expect(storedSession()).toBeNull();
      expect(router.url).toBe('/sign-in');
    });

    it('forgets the session even when the server cannot be told', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client')));
      const auth = TestBed.inject(AuthStore);

      const signingOut = auth.signOut();
      await nextTask();
      http.expectOne('/api/auth/logout').error(new ProgressEvent('error'), { status: 0 });
      await signingOut;

      expect(auth.isSignedIn()).toBe(false);
      expect(TestBed.inject(Router).url).toBe('/sign-in');
    });
  });

  describe('other tabs', () => {
    it('follows a sign-out in another tab to the sign-in page', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client')));
      const auth = TestBed.inject(AuthStore);

      localStorage.removeItem(SESSION_STORAGE_KEY);
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_STORAGE_KEY, newValue: null }));
      await nextTask();

      expect(auth.isSignedIn()).toBe(false);
      expect(TestBed.inject(Router).url).toBe('/sign-in');
    });

    it('takes over the tokens another tab refreshed, without a refresh of its own', async () => {
      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client')));
      const auth = TestBed.inject(AuthStore);

      localStorage.setItem(SESSION_STORAGE_KEY, JSON.stringify(sessionFor('client', 'second')));

      expect(await auth.refreshAccessToken('access-first')).toBe('access-second');
      expect(auth.accessToken()).toBe('access-second');
    });
  });
});
