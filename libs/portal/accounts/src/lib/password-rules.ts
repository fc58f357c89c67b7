import { type AbstractControl, type ValidationErrors, type ValidatorFn } from '@angular/forms';

/** What the API accepts for a new password, checked before sending so that the person learns it at the field. */
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 200;

/** Letters and digits that cannot be mistaken for one another when read aloud or copied by hand. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789';

/** A random password of 16 characters (about 90 bits), for staff to pass on. */
export function generatePassword(length = 16): string {
  const values = crypto.getRandomValues(new Uint32Array(length));
  return Array.from(values, (value) => ALPHABET[value % ALPHABET.length]).join('');
}

/**
 * The control must repeat its sibling `other` exactly. The page re-validates it when the sibling changes, since a
 * control's validator runs only when its own value does.
 */
export const sameAs =
  (other: string): ValidatorFn =>
  (control: AbstractControl): ValidationErrors | null => {
    const value: unknown = control.parent?.get(other)?.value;
    return control.value && value !== control.value ? { mismatch: true } : null;
  };
