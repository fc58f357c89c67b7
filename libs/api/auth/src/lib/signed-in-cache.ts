import type { AuthenticatedUser } from './authenticated-user';

export interface SignedInCacheOptions {
  /** Most sign-ins held; the oldest users' go first. */
  maxEntries: number;
  /** Longest an entry is served, whatever the notifications say: the second line behind them. */
  ttlMs: number;
  /** How long a user changed by this process is not cached unless the request that changed it ends first. */
  changeMs: number;
  now?: () => number;
}

interface Entry {
  user: AuthenticatedUser;
  /** Not served from this moment on: the TTL, or the sign-in's own end if that comes first. */
  until: number;
}

/**
 * What the guard loaded for a sign-in (user id + session id), so that a request need not query it again. Safe only
 * because every change that can make an entry wrong reaches `invalidate`: database triggers NOTIFY the user's id at
 * commit, whoever writes (see `SignedInCacheListener`), and this process also drops a user it changes at once.
 *
 * - Not `trusted` (the listener is not listening: starting, or the connection is lost), nothing is served or stored,
 *   and becoming trusted starts empty: notifications may have been missed meanwhile.
 * - A load stores its answer only if nothing was invalidated while it ran (`ticket`): a NOTIFY that arrived between
 *   the query and the store would otherwise be lost on an entry it could not yet see.
 * - A user this process is changing (`changing`) is not stored until the change is over (`changed`, after the
 *   request's transaction committed), so that a load reading the state before the commit cannot be stored.
 * - An entry is never served past the sign-in's lifetime (SESSION_MAX_AGE_DAYS) nor past `ttlMs`.
 */
export class SignedInCache {
  private readonly users = new Map<string, Map<string, Entry>>();
  private readonly changes = new Map<string, number>();
  private size = 0;
  private generation = 0;
  private trustedNow = false;
  private readonly now: () => number;

  constructor(private readonly options: SignedInCacheOptions) {
    this.now = options.now ?? Date.now;
  }

  get trusted(): boolean {
    return this.trustedNow;
  }

  get entries(): number {
    return this.size;
  }

  /** Listening (again): start empty, since anything held may have changed unheard. */
  trust(): void {
    this.clear();
    this.trustedNow = true;
  }

  /** Not listening: serve nothing, keep nothing. */
  distrust(): void {
    this.trustedNow = false;
    this.clear();
  }

  /** The cached user of this sign-in, or undefined: then load it, with a `ticket()` taken before the query. */
  get(userId: string, sessionId: string): AuthenticatedUser | undefined {
    if (!this.trustedNow) return undefined;
    const entry = this.users.get(userId)?.get(sessionId);
    if (!entry) return undefined;
    if (entry.until <= this.now()) {
      this.remove(userId, sessionId);
      return undefined;
    }
    return entry.user;
  }

  /** Taken before a load; `set` stores the load's answer only if nothing was invalidated since. */
  ticket(): number {
    return this.generation;
  }

  /**
   * Stores what a load found, until `endsAt` (when the sign-in ends, ms since the epoch) or the TTL, whichever comes
   * first. Not stored when anything was invalidated since `ticket`, when not trusted, or while the user is changing.
   */
  set(ticket: number, userId: string, sessionId: string, user: AuthenticatedUser, endsAt: number): void {
    if (!this.trustedNow || ticket !== this.generation) return;
    const now = this.now();
    const changing = this.changes.get(userId);
    if (changing !== undefined) {
      if (changing > now) return;
      this.changes.delete(userId);
    }
    const until = Math.min(endsAt, now + this.options.ttlMs);
    if (until <= now) return;
    let sessions = this.users.get(userId);
    if (!sessions) {
      while (this.size >= this.options.maxEntries) this.evictOldestUser();
      sessions = new Map();
      this.users.set(userId, sessions);
    }
    if (!sessions.has(sessionId)) this.size++;
    sessions.set(sessionId, { user, until });
  }

  /** The user changed (a NOTIFY): drop every sign-in of theirs, and let loads under way not store. */
  invalidate(userId: string): void {
    this.generation++;
    const sessions = this.users.get(userId);
    if (!sessions) return;
    this.size -= sessions.size;
    this.users.delete(userId);
  }

  /** Everyone may have changed (a TRUNCATE): drop everything. */
  invalidateAll(): void {
    this.clear();
  }

  /** This process is changing the user, in a transaction not committed yet: drop them and store nothing of them. */
  changing(userId: string): void {
    this.invalidate(userId);
    if (this.changes.size >= this.options.maxEntries) this.forgetPastChanges();
    this.changes.set(userId, this.now() + this.options.changeMs);
  }

  /** The change is committed (or rolled back): drop the user again, since a load may have run until now. */
  changed(userId: string): void {
    this.invalidate(userId);
    this.changes.delete(userId);
  }

  private clear(): void {
    this.generation++;
    this.users.clear();
    this.size = 0;
  }

  private remove(userId: string, sessionId: string): void {
    const sessions = this.users.get(userId);
    if (!sessions?.delete(sessionId)) return;
    this.size--;
    if (sessions.size === 0) this.users.delete(userId);
  }

  private evictOldestUser(): void {
    const oldest = this.users.keys().next();
    if (oldest.done) return;
    this.size -= this.users.get(oldest.value)?.size ?? 0;
    this.users.delete(oldest.value);
  }

  private forgetPastChanges(): void {
    const now = this.now();
    for (const [userId, until] of this.changes) if (until <= now) this.changes.delete(userId);
  }
}
