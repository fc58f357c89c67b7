import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatTooltip } from '@angular/material/tooltip';
import { TranslocoPipe, TranslocoService } from '@jsverse/transloco';
import { safeUrl } from './rich-text';
import { RichText } from './rich-text-component';
import { type ChatMessage, type KeyboardButton } from './sandbox-api';

/** One message of a chat as Telegram draws it: the bubble, the reactions under it and its inline keyboard. */
@Component({
  selector: 'dg-message-bubble',
  imports: [DatePipe, MatIcon, MatIconButton, MatTooltip, RichText, TranslocoPipe],
  templateUrl: './message-bubble.html',
  styleUrl: './message-bubble.scss',
  host: { '[class.mine]': "message().from === 'person'" },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MessageBubble {
  readonly message = input.required<ChatMessage>();
  /** Who "bot" and "person" are, for the quoted message's author. */
  readonly botName = input.required<string>();
  readonly personName = input.required<string>();
  /** Inline buttons are pressed one at a time. */
  readonly busy = input(false);

  readonly reply = output<ChatMessage>();
  readonly press = output<KeyboardButton>();
  /** A photo finished loading, so the bubble grew. */
  readonly mediaLoad = output();

  private readonly transloco = inject(TranslocoService);

  readonly quoteAuthor = computed(() => {
    const quoted = this.message().replyTo;
    if (!quoted) return '';
    return quoted.from === 'bot' ? this.botName() : this.personName();
  });

  /** Each URL button with its address when it is a safe one; a button with any other address stays inert. */
  readonly keyboard = computed(() =>
    (this.message().buttons ?? []).map((row) =>
      row.map((button) => ({ button, href: button.url === undefined ? null : safeUrl(button.url) })),
    ),
  );

  fileSize(bytes: number | undefined): string {
    if (bytes === undefined) return '';
    const units = ['bytes', 'kb', 'mb', 'gb'] as const;
    let value = bytes;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
      value /= 1024;
      unit++;
    }
    const shown = unit === 0 ? String(value) : value.toFixed(value < 10 ? 1 : 0);
    const language = this.transloco.getActiveLang();
    return this.transloco.translate(`message.size.${units[unit]}`, {
      value: language === 'ru' ? shown.replace('.', ',') : shown,
    });
  }
}
