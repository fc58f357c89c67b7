import {
  type AbstractControl,
  FormControl,
  FormGroup,
  type ValidationErrors,
  type ValidatorFn,
  Validators,
} from '@angular/forms';
import { type TicketPriority } from '@deskgram/api-client';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20000;

/**
 * A message's text is required unless files come with it. Call the control's `updateValueAndValidity()` when the
 * files change.
 */
export function requiredWithoutFiles(files: () => readonly File[]): ValidatorFn {
  return (control: AbstractControl<string>): ValidationErrors | null =>
    files().length === 0 && control.value.trim() === '' ? { required: true } : null;
}

/** What anyone who opens a ticket writes: the subject, the first message and the priority; the files come apart. */
export function ticketForm(files: () => readonly File[] = () => []) {
  return new FormGroup({
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SUBJECT_MAX)],
    }),
    body: new FormControl('', {
      nonNullable: true,
      validators: [requiredWithoutFiles(files), Validators.maxLength(BODY_MAX)],
    }),
    priority: new FormControl<TicketPriority>('normal', { nonNullable: true }),
  });
}

export type TicketForm = ReturnType<typeof ticketForm>;

/**
 * The form's values as the API takes them, trimmed. A field of only spaces is emptied first, so that its "required"
 * message shows instead of the API refusing it.
 */
export function ticketFormValue(form: TicketForm): { subject: string; body: string; priority: TicketPriority } {
  const { subject, body, priority } = form.getRawValue();
  if (!subject.trim()) {
    form.controls.subject.setValue('');
  }
  if (!body.trim()) {
    form.controls.body.setValue('');
  }
  return { subject: subject.trim(), body: body.trim(), priority };
}
