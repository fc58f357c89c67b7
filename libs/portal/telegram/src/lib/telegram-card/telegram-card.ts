import { Clipboard } from '@angular/cdk/clipboard';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject } from '@angular/core';
import { MatAnchor, MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import { AuthStore } from '@deskgram/portal/auth';
import { apiErrorText, LanguageStore } from '@deskgram/portal/core';
import { confirmAction } from '@deskgram/portal/ui';
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
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
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
    const copied = this.clipboard.copy(url);
    this.snackBar.open(this.transloco.translate(copied ? 'telegram.copied' : 'telegram.copyFailed'), undefined, {
      duration: 3000,
    });
  }

  protected async disconnect(): Promise<void> {
    const confirmed = await confirmAction(this.dialog, {
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
      this.snackBar.open(this.transloco.translate('telegram.disconnected'), undefined, { duration: 4000 });
    } catch (error) {
      this.snackBar.open(apiErrorText(error, this.transloco), this.transloco.translate('common.dismiss'), {
        duration: 8000,
      });
    }
  }
}
