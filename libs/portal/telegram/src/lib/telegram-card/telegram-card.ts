import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, Injector, PendingTasks } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { AuthStore } from '@deskgram/portal/auth';
import { apiErrorText, LanguageStore } from '@deskgram/portal/core';
import type { ConfirmDialogData } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { registerTelegramIcons } from '../telegram-icons';
import { TelegramConnectionStore } from '../telegram-connection-store';

/**
 * The Telegram card of the client dashboard and the profile: connect the signed-in person's Telegram account with
 * a one-time code (QR or link), see whom it is connected to, disconnect. Clients and staff link through their own
 * API routes; the card picks them by the role of whoever is signed in.
 */
@Component({
  selector: 'dg-telegram-card',
  imports: [DatePipe, MatAnchor, MatButton, MatCard, MatCardContent, MatIcon, TranslocoDirective],
  providers: [TelegramConnectionStore],
  templateUrl: './telegram-card.html',
  styleUrl: './telegram-card.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class TelegramCard {
  private readonly clipboard = inject(Clipboard);
  private readonly injector = inject(Injector);
  private readonly pendingTasks = inject(PendingTasks);
  private readonly transloco = inject(TranslocoService);

  protected readonly store = inject(TelegramConnectionStore);
  protected readonly view = this.store.view;
  protected readonly language = inject(LanguageStore).language;
  /** Clients hear about their tickets and invoices, staff about the queue: the card says which. */
  protected readonly audience = inject(AuthStore).role() === 'client' ? 'client' : 'staff';

  /** "14:32": minutes and seconds until the code expires. */
  protected readonly countdown = computed(() => {
    const seconds = this.store.secondsLeft();
    return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
  });
  /** The Telegram account as people know it: @username, or the first name when there is no username. */
  protected readonly account = computed(() => {
    const status = this.store.status();
    if (status?.username) {
      return `@${status.username}`;
    }
    return status?.firstName ?? '';
  });
  protected readonly linkErrorText = computed(() => {
    const error = this.store.linkError();
    return error === null ? null : apiErrorText(error, this.transloco);
  });

  constructor() {
    registerTelegramIcons();
  }

  protected copy(url: string): void {
    // Copied at once, while the click still counts as the person's gesture; the message follows.
    const copied = this.clipboard.copy(url);
    this.toast(this.transloco.translate(copied ? 'telegram.copied' : 'telegram.copyFailed'), undefined, 3000);
  }

  protected async disconnect(): Promise<void> {
    const confirmed = await this.confirm({
      title: this.transloco.translate('telegram.disconnectTitle'),
      message: this.transloco.translate('telegram.disconnectMessage'),
      confirm: this.transloco.translate('telegram.disconnect'),
      destructive: true,
    });
    if (!confirmed) {
      return;
    }
    try {
      await this.store.disconnect();
      this.toast(this.transloco.translate('telegram.disconnected'), undefined, 4000);
    } catch (error) {
      this.toast(apiErrorText(error, this.transloco), this.transloco.translate('common.dismiss'), 8000);
    }
  }

  /**
   * Asks before an action. The dialog (and the overlay under it) is loaded when the question is first asked: the card
   * is on the client's first page, which otherwise needs neither. The page counts as busy until the dialog is open.
   */
  private async confirm(data: ConfirmDialogData): Promise<boolean> {
    const done = this.pendingTasks.add();
    let answer: Promise<boolean>;
    try {
      const { MatDialog, confirmAction } = await import('./card-feedback');
      answer = confirmAction(this.injector.get(MatDialog), data);
    } finally {
      done();
    }
    return answer;
  }

  /**
   * Shows a message in a snack bar. The snack bar (and the overlay under it) is loaded on the first message: the
   * card is on the client's first page, which otherwise needs neither. The page counts as busy until it shows.
   */
  private toast(message: string, action: string | undefined, duration: number): void {
    this.pendingTasks.run(async () => {
      const { MatSnackBar } = await import('./card-feedback');
      this.injector.get(MatSnackBar).open(message, action, { duration });
    });
  }
}
