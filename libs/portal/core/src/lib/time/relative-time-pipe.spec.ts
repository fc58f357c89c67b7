import { RelativeTimePipe } from './relative-time-pipe';

describe(RelativeTimePipe.name, () => {
  const pipe = new RelativeTimePipe();
  const now = Date.parse('2026-06-15T12:00:00Z');
  const ago = (milliseconds: number) => new Date(now - milliseconds).toISOString();

  it('says how long ago a recent moment was, in English and in Russian', () => {
    expect(pipe.transform(ago(5 * 60_000), 'en', now)).toBe('5 minutes ago');
    expect(pipe.transform(ago(5 * 60_000), 'ru', now)).toBe('5 минут назад');
    expect(pipe.transform(ago(3 * 3_600_000), 'en', now)).toBe('3 hours ago');
    expect(pipe.transform(ago(26 * 3_600_000), 'en', now)).toBe('yesterday');
    expect(pipe.transform(ago(26 * 3_600_000), 'ru', now)).toBe('вчера');
  });

  it('counts the seconds of the last minute', () => {
    expect(pipe.transform(ago(10_000), 'en', now)).toBe('10 seconds ago');
    expect(pipe.transform(ago(0), 'ru', now)).toBe('1 секунду назад');
  });

  it('gives the date once the moment is a month or more away', () => {
    expect(pipe.transform('2026-03-12T09:30:00Z', 'en', now)).toBe('Mar 12, 2026');
    expect(pipe.transform('2026-03-12T09:30:00Z', 'ru', now)).toBe('12 мар. 2026 г.');
  });

  it('shows nothing for a missing or broken value', () => {
    expect(pipe.transform(null, 'en', now)).toBe('');
    expect(pipe.transform('not a date', 'en', now)).toBe('');
  });
});
