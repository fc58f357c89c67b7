import type { AuthenticatedUser } from './authenticated-user';
import { SignedInCache } from './signed-in-cache';

const anna: AuthenticatedUser = {
  id: 'anna',
  email: 'anna@example.org',
  displayName: 'Anna',
  role: 'client',
  clientId: 'northwind',
  language: null,
};

describe('SignedInCache', () => {
  let now: number;
  let cache: SignedInCache;
  const far = () => now + 3_600_000;

  beforeEach(() => {
    now = 1_000_000;
    cache = new SignedInCache({ maxEntries: 3, ttlMs: 60_000, changeMs: 30_000, now: () => now });
    cache.trust();
  });

  it('serves what a load stored, for that sign-in only', () => {
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    expect(cache.get('anna', 's1')).toBe(anna);
    expect(cache.get('anna', 's2')).toBeUndefined();
  });

  it('serves nothing and stores nothing while not trusted, and starts empty when trusted again', () => {
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    cache.distrust();
    expect(cache.get('anna', 's1')).toBeUndefined();
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    cache.trust();
    expect(cache.get('anna', 's1')).toBeUndefined();
  });

  it('drops every sign-in of an invalidated user, and everyone on invalidateAll', () => {
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    cache.set(cache.ticket(), 'anna', 's2', anna, far());
    cache.set(cache.ticket(), 'ben', 's3', { ...anna, id: 'ben' }, far());
    cache.invalidate('anna');
    expect(cache.get('anna', 's1')).toBeUndefined();
    expect(cache.get('anna', 's2')).toBeUndefined();
    expect(cache.get('ben', 's3')).toBeDefined();
    cache.invalidateAll();
    expect(cache.get('ben', 's3')).toBeUndefined();
    expect(cache.entries).toBe(0);
  });

  it('does not store a load that an invalidation overtook', () => {
    const ticket = cache.ticket();
    cache.invalidate('anna');
    cache.set(ticket, 'anna', 's1', anna, far());
    expect(cache.get('anna', 's1')).toBeUndefined();
  });

  it('does not store a user this process is changing until the change is over', () => {
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    cache.changing('anna');
    expect(cache.get('anna', 's1')).toBeUndefined();
    // A load that read the state before the commit.
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    expect(cache.get('anna', 's1')).toBeUndefined();
    cache.changed('anna');
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    expect(cache.get('anna', 's1')).toBe(anna);
  });

  it('stores a changed user again once the change has run out of time (a change that never ended)', () => {
    cache.changing('anna');
    now += 30_000;
    cache.set(cache.ticket(), 'anna', 's1', anna, far());
    expect(cache.get('anna', 's1')).toBe(anna);
  });

  it('never serves past the sign-in end nor past the TTL', () => {
    cache.set(cache.ticket(), 'anna', 's1', anna, now + 1_000);
    cache.set(cache.ticket(), 'anna', 's2', anna, far());
    now += 1_000;
    expect(cache.get('anna', 's1')).toBeUndefined();
    expect(cache.get('anna', 's2')).toBe(anna);
    now += 59_000;
    expect(cache.get('anna', 's2')).toBeUndefined();
    cache.set(cache.ticket(), 'anna', 's3', anna, now);
    expect(cache.get('anna', 's3')).toBeUndefined();
  });

  it('holds at most maxEntries, dropping the oldest users first', () => {
    for (const id of ['a', 'b', 'c', 'd']) cache.set(cache.ticket(), id, `s-${id}`, { ...anna, id }, far());
    expect(cache.entries).toBe(3);
    expect(cache.get('a', 's-a')).toBeUndefined();
    expect(cache.get('d', 's-d')).toBeDefined();
  });
});
