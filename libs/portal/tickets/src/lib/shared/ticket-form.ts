import { FormControl, FormGroup, Validators } from '@angular/forms';
import { type TicketPriority } from '@deskgram/api-client';

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20000;

/** What anyone who opens a ticket writes: the subject, the first message and the priority. */
export function ticketForm() {
  return new FormGroup({
    subject: new FormControl('', {
      nonNullable: true,
      validators: [Validators.required, Validators.maxLength(SUBJECT_MAX)],
    }),
    body: new FormControl('', { nonNullable: true, validators: [Validators.required, Validators.maxLength(BODY_MAX)] }),
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
