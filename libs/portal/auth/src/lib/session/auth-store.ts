import { HttpErrorResponse } from '@angular/common/http';
import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import { Router } from '@angular/router';
import {
  changePassword,
  DeskgramApi,
  getMe,
  login,
  logout,
  refresh,
  signInWithTelegram,
  type Role,
  type SessionDto,
  type UserDto,
} from '@deskgram/api-client';
import { isErrorCode, ROLES } from '@deskgram/shared/contract';
import { areaOf, isStaffRole, safeReturnUrl, type Area } from './areas';

export const SESSION_STORAGE_KEY = 'deskgram.session';

/** Why a sign-in ended without the person asking, as the sign-in page explains it (`/sign-in?reason=`). */
export type SignOutReason = 'expired' | 'disabled' | 'ended';

/** The API's codes for a refused refresh, read as the reason the page gives. */
function reasonOf(error: unknown): SignOutReason {
  const body: unknown = error instanceof HttpErrorResponse ? error.error : undefined;
  const sent = typeof body === 'object' && body !== null ? (body as { code?: unknown }).code : undefined;
  const code = isErrorCode(sent) ? sent : null;
  if (code === 'auth.disabled') {
    return 'disabled';
  }
  return code === 'auth.session_ended' || code === 'auth.refresh_reused' ? 'ended' : 'expired';
}

/** Serialises refreshes across the tabs of this browser, where the Web Locks API exists. */
const REFRESH_LOCK = 'deskgram.session-refresh';

function isSession(value: unknown): value is SessionDto {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const { accessToken, refreshToken, user } = value as Partial<SessionDto>;
  return (
    typeof accessToken === 'string' &&
    typeof refreshToken === 'string' &&
    typeof user === 'object' &&
    user !== null &&
    typeof user.id === 'string' &&
    typeof user.displayName === 'string' &&
    ROLES.includes(user.role)
  );
}

/**
 * Whether the API turned the refresh token down, as opposed to not being reachable. Only a refusal ends the
 * sign-in: a dropped connection or a restarting server must not throw a person out of the portal.
 */
function isRefusal(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status >= 400 && error.status < 500;
}

/**
 * Who is signed in. The session (both tokens and the user) is kept in `localStorage`, so that a reload or a new
 * tab stays signed in, and tabs follow each other's sign-in, refresh and sign-out.
 */
@Injectable({ providedIn: 'root' })
export class AuthStore {
  private readonly api = inject(DeskgramApi);
  private readonly router = inject(Router);
  private readonly document = inject(DOCUMENT);

  private readonly session = signal<SessionDto | null>(this.readStoredSession());
  /** The refresh under way; every request rejected meanwhile waits for this one instead of starting another. */
  private refreshing: Promise<string> | null = null;
  /** Whether the stored user was checked with the API since this page loaded. */
  private verified = false;

  readonly user = computed<UserDto | null>(() => this.session()?.user ?? null);
  readonly isSignedIn = computed(() => this.session() !== null);
  readonly role = computed<Role | null>(() => this.user()?.role ?? null);
  readonly isStaff = computed(() => {
    const role = this.role();
    return role !== null && isStaffRole(role);
  });
  /** The start page of the signed-in person's area, or null when nobody is signed in. */
  readonly home = computed<Area | null>(() => {
    const role = this.role();
    return role === null ? null : areaOf(role);
  });

  constructor() {
    const view = this.document.defaultView;
    if (view) {
      const onStorage = (event: StorageEvent) => this.followOtherTab(event);
      view.addEventListener('storage', onStorage);
      inject(DestroyRef).onDestroy(() => view.removeEventListener('storage', onStorage));
    }
  }

  accessToken(): string | null {
    return this.session()?.accessToken ?? null;
  }

  /** Signs in and keeps the session; the API's error (wrong password, disabled, too many attempts) is thrown as is. */
  async signIn(email: string, password: string): Promise<UserDto> {
    const session = await this.api.invoke(login, { body: { email, password } });
    this.keep(session);
    this.verified = true;
    return session.user;
  }

  /**
   * Signs in with the raw init data Telegram handed a Mini App (the Telegram account linked to a Deskgram account),
   * and keeps the session like `signIn`. The API's error (not linked, invalid, expired, too many attempts) is thrown.
   */
  async signInWithTelegram(initData: string): Promise<UserDto> {
    const session = await this.api.invoke(signInWithTelegram, { body: { initData } });
    this.keep(session);
    this.verified = true;
    return session.user;
  }

  /**
   * Replaces the person's password. The API ends every other sign-in and answers a new pair for this one, which is
   * kept (the old pair no longer works). The API's error (wrong current password, too many attempts) is thrown.
   */
  async changePassword(currentPassword: string, newPassword: string): Promise<void> {
    const session = await this.api.invoke(changePassword, { body: { currentPassword, newPassword } });
    this.keep(session);
  }

  /** Ends the sign-in on the server as well, so the refresh token can never be used again, and opens /sign-in. */
  async signOut(): Promise<void> {
    const session = this.session();
    if (session) {
      try {
        await this.api.invoke(logout, { body: { refreshToken: session.refreshToken } });
      } catch {
        // The person asked to leave: that happens even when the server cannot be told.
      }
    }
    this.keep(null);
    await this.router.navigateByUrl('/sign-in');
  }

  /**
   * Checks the stored user with the API once per page load: a name or role may have changed since the sign-in,
   * and a session the server no longer accepts ends here (through the interceptor) instead of on the next save.
   */
  async verify(): Promise<void> {
    if (this.verified || !this.session()) {
      return;
    }
    this.verified = true;
    try {
      const user = await this.api.invoke(getMe);
      const session = this.session();
      if (session) {
        this.keep({ ...session, user });
      }
    } catch {
      // Unreachable: keep what we know. Refused: the interceptor has ended the session already.
    }
  }

  /**
   * A fresh access token to replace `rejected`, which the API has just refused. Concurrent callers share one
   * refresh, and a caller whose token was replaced meanwhile gets the new one without another refresh: a refresh
   * token works once, and presenting it twice ends the sign-in.
   */
  refreshAccessToken(rejected: string): Promise<string> {
    const current = this.session();
    if (current && current.accessToken !== rejected) {
      return Promise.resolve(current.accessToken);
    }
    this.refreshing ??= this.withRefreshLock(() => this.refreshOnce(rejected)).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }

  /** Forgets the session in this browser without telling the API, which has ended it already. */
  forget(): void {
    this.keep(null);
  }

  /**
   * Forgets a session the API no longer accepts and asks for a new sign-in that leads back to where we were; the
   * sign-in page says why, when the reason is known.
   */
  async endSession(reason?: SignOutReason): Promise<void> {
    const navigation = this.router.currentNavigation();
    const returnUrl = safeReturnUrl(
      navigation ? this.router.serializeUrl(navigation.finalUrl ?? navigation.extractedUrl) : this.router.url,
    );
    this.keep(null);
    await this.router.navigate(['/sign-in'], {
      queryParams: { ...(returnUrl ? { returnUrl } : {}), ...(reason ? { reason } : {}) },
    });
  }

  private async refreshOnce(rejected: string): Promise<string> {
    // Another tab may have refreshed while this one waited for the lock: use its tokens, never spend ours twice.
    const stored = this.readStoredSession();
    if (stored && stored.accessToken !== rejected) {
      this.session.set(stored);
      return stored.accessToken;
    }
    const current = this.session();
    if (!current) {
      throw new Error('Nobody is signed in');
    }
    try {
      const next = await this.api.invoke(refresh, { body: { refreshToken: current.refreshToken } });
      this.keep(next);
      return next.accessToken;
    } catch (error) {
      if (isRefusal(error)) {
        await this.endSession(reasonOf(error));
      }
      throw error;
    }
  }

  private async withRefreshLock(task: () => Promise<string>): Promise<string> {
    const locks = this.document.defaultView?.navigator.locks;
    return locks ? locks.request(REFRESH_LOCK, task) : task();
  }

  private followOtherTab(event: StorageEvent): void {
    // A null key means the whole storage was cleared.
    if (event.key !== SESSION_STORAGE_KEY && event.key !== null) {
      return;
    }
    const before = this.session();
    const after = this.readStoredSession();
    this.session.set(after);
    if (before?.user.id !== after?.user.id) {
      void this.router.navigateByUrl(after ? areaOf(after.user.role) : '/sign-in');
    }
  }

  private keep(session: SessionDto | null): void {
    this.session.set(session);
    this.writeStoredSession(session);
  }

  // Storage throws when cookies are blocked or in some private modes; the sign-in then lasts as long as the tab.
  private readStoredSession(): SessionDto | null {
    try {
      const raw = this.document.defaultView?.localStorage.getItem(SESSION_STORAGE_KEY);
      if (!raw) {
        return null;
      }
      const value: unknown = JSON.parse(raw);
      return isSession(value) ? value : null;
    } catch {
      return null;
    }
  }

  private writeStoredSession(session: SessionDto | null): void {
    try {
      const storage = this.document.defaultView?.localStorage;
      if (session) {
        storage?.setItem(SESSION_STORAGE_KEY, JSON.stringify(session));
      } else {
        storage?.removeItem(SESSION_STORAGE_KEY);
      }
    } catch {
      // See readStoredSession.
    }
  }
}
