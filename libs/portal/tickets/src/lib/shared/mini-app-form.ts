import { type Signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { type AbstractControl } from '@angular/forms';
import { map, merge } from 'rxjs';

/**
 * Something read from a form, as a signal that follows its values and status: what Telegram's Main button needs
 * (valid?) and what holds the Mini App's swipes (any text?). Call in an injection context.
 */
export function formSignal<T>(control: AbstractControl, read: () => T): Signal<T> {
  return toSignal(merge(control.valueChanges, control.statusChanges).pipe(map(read)), { initialValue: read() });
}
