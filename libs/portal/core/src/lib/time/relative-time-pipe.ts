import { Pipe, type PipeTransform } from '@angular/core';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Older moments read better as a date than as "7 weeks ago". */
const RELATIVE_LIMIT = 30 * DAY;

/**
 * "5 min ago", "yesterday", "in 2 hours" in the given language; a date once the moment is a month away. Pure: pass
 * the language (so a switch re-renders) and, where the text must move on, a ticking `now`.
 */
@Pipe({ name: 'relativeTime' })
export class RelativeTimePipe implements PipeTransform {
  transform(value: string | Date | null | undefined, language: string, now: number = Date.now()): string {
    if (value === null || value === undefined) {
      return '';
    }
    const time = new Date(value).getTime();
    if (Number.isNaN(time)) {
      return '';
    }
    const elapsed = time - now;
    const distance = Math.abs(elapsed);
    if (distance >= RELATIVE_LIMIT) {
      return new Intl.DateTimeFormat(language, { dateStyle: 'medium' }).format(time);
    }
    const format = new Intl.RelativeTimeFormat(language, { numeric: 'auto', style: 'long' });
    if (distance < MINUTE) {
      // "now" would read as a state in a "Last sign-in" column; seconds say it happened. Within a minute the
      // moment counts as past even when it is a little ahead: that is the server's clock, not the future.
      return format.format(-Math.max(1, Math.round(distance / 1000)), 'second');
    }
    if (distance < HOUR) {
      return format.format(Math.round(elapsed / MINUTE), 'minute');
    }
    if (distance < DAY) {
      return format.format(Math.round(elapsed / HOUR), 'hour');
    }
    return format.format(Math.round(elapsed / DAY), 'day');
  }
}
