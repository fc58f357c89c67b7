import { CdkTextareaAutosize } from '@angular/cdk/text-field';
import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import {
  type AbstractControl,
  NonNullableFormBuilder,
  ReactiveFormsModule,
  type ValidationErrors,
  Validators,
} from '@angular/forms';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { type ClientDto, DeskgramApi, sendClientMessage } from '@deskgram/api-client';
import { apiErrorText, type ErrorTexts, LanguageStore } from '@deskgram/portal/core';
import { FormDialog } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { CLIENT_ERROR_TEXTS } from '../client-form';

/** What the API takes at most (SendMessageDto); Telegram's own limit for a message is 4096. */
export const MAX_MESSAGE_LENGTH = 4000;

export interface TelegramMessageDialogData {
  readonly client: ClientDto;
}

const MESSAGE_ERROR_TEXTS: ErrorTexts = {
  ...CLIENT_ERROR_TEXTS,
  'telegram.client_not_connected': 'clients.message.errors.notConnected',
};

/** The users a message reaches: the client's enabled users with a working Telegram link (the API counts alike). */
export function connectedUsers(client: ClientDto): number {
  return client.users.filter((user) => !user.disabled && user.telegram.state === 'connected').length;
}

/**
 * The key of a text in the plural form the language needs for `count`: `one`/`other` in English, `one`/`few`/`many`
 * in Russian. The portal's Transloco has no messageformat, so each form is a key of its own.
 */
export function pluralKey(key: string, count: number, language: string): string {
  return `${key}.${new Intl.PluralRules(language).select(count)}`;
}

/** Required, and more than white space, which the API refuses too. */
function notBlank(control: AbstractControl<string>): ValidationErrors | null {
  return control.value.trim() === '' ? { required: true } : null;
}

/** Writes to the Telegram of a client's connected users; closes with how many messages the API queued. */
@Component({
  selector: 'dg-telegram-message-dialog',
  imports: [
    FormDialog,
    CdkTextareaAutosize,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatInput,
    MatLabel,
    ReactiveFormsModule,
    TranslocoDirective,
  ],
  templateUrl: './telegram-message-dialog.html',
  styleUrl: './telegram-message-dialog.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TelegramMessageDialog {
  private readonly api = inject(DeskgramApi);
  private readonly transloco = inject(TranslocoService);
  private readonly language = inject(LanguageStore).language;
  private readonly dialogRef = inject<MatDialogRef<TelegramMessageDialog, number>>(MatDialogRef);

  protected readonly client = inject<TelegramMessageDialogData>(MAT_DIALOG_DATA).client;
  protected readonly recipients = connectedUsers(this.client);
  protected readonly maxLength = MAX_MESSAGE_LENGTH;
  protected readonly sending = signal(false);
  protected readonly error = signal<string | null>(null);
  protected readonly form = inject(NonNullableFormBuilder).group({
    message: ['', [notBlank, Validators.maxLength(MAX_MESSAGE_LENGTH)]],
  });
  protected readonly text = toSignal(this.form.controls.message.valueChanges, { initialValue: '' });
  protected readonly recipientsKey = computed(() => pluralKey('recipients', this.recipients, this.language()));

  protected async send(): Promise<void> {
    if (this.sending()) {
      return;
    }
    if (this.form.invalid) {
      this.form.markAllAsTouched();
      return;
    }
    this.sending.set(true);
    this.error.set(null);
    // A message on its way must not be thrown away by a stray click outside the dialog.
    this.dialogRef.disableClose = true;
    try {
      const { queued } = await this.api.invoke(sendClientMessage, {
        clientId: this.client.id,
        // Sent as written: line breaks and inner spaces are the writer's; only the ends are trimmed.
        body: { message: this.form.controls.message.value.trim() },
      });
      this.dialogRef.close(queued);
    } catch (error) {
      this.error.set(apiErrorText(error, this.transloco, MESSAGE_ERROR_TEXTS));
    } finally {
      this.sending.set(false);
      this.dialogRef.disableClose = false;
    }
  }
}
