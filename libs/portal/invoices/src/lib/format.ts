import { inject, Pipe, type PipeTransform } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { displayMoney } from '@deskgram/shared/contract';

/** The language the portal shows, as a signal, for formatting money and dates. */
export function currentLanguage() {
  const transloco = inject(TranslocoService);
  return toSignal(transloco.langChanges$, { initialValue: transloco.getActiveLang() });
}

/** `{{ invoice.total | money: invoice.currency : language() }}`: a decimal string of the API as money. */
@Pipe({ name: 'money' })
export class MoneyPipe implements PipeTransform {
  transform(amount: string | null | undefined, currency: string, language: string): string {
    return amount === null || amount === undefined || amount === '' ? '—' : displayMoney(amount, currency, language);
  }
}

/** `{{ invoice.dueDate | day: language() }}`: a calendar date ('2026-12-01') or a moment, as a date of the language. */
@Pipe({ name: 'day' })
export class DayPipe implements PipeTransform {
  transform(value: string | null | undefined, language: string): string {
    if (!value) {
      return '—';
    }
    const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(value);
    const date = new Date(dateOnly ? `${value}T00:00:00Z` : value);
    if (Number.isNaN(date.getTime())) {
      return value;
    }
    return new Intl.DateTimeFormat(language, { dateStyle: 'medium', ...(dateOnly ? { timeZone: 'UTC' } : {}) }).format(
      date,
    );
  }
}
