import { ChangeDetectionStrategy, Component, effect, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { AuthStore } from '@deskgram/portal/auth';
import { apiErrorText } from '@deskgram/portal/core';
import { TelegramConnectionStore } from '@deskgram/portal/telegram';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { MiniApp } from '../mini-app';

/**
 * "Link this Telegram" for a signed-in person: asks for a one-time link (the same `generate-link` as the Telegram
 * card), opens it in Telegram, where the person presses Start in the bot's chat, and notices the link by polling.
 */
@Component({
  selector: 'dg-link-this-telegram',
  imports: [MatButton, MatIcon, MatProgressSpinner, TranslocoDirective],
  providers: [TelegramConnectionStore],
  templateUrl: './link-this-telegram.html',
  styleUrl: '../mini-app-page.scss',
  // Part of the page's card: the page's frame (padding, background) is not drawn twice.
  host: { style: 'display: contents' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LinkThisTelegram {
  private readonly miniApp = inject(MiniApp);
  private readonly router = inject(Router);
  private readonly auth = inject(AuthStore);
  private readonly transloco = inject(TranslocoService);
  protected readonly store = inject(TelegramConnectionStore);
  protected readonly view = this.store.view;

  constructor() {
    let before = this.view();
    effect(() => {
      const view = this.view();
      if (view === 'connected' && before === 'linking') {
        this.miniApp.haptic('success');
      }
      before = view;
    });
  }

  protected linkErrorText(): string | null {
    const error = this.store.linkError();
    return error === null ? null : apiErrorText(error, this.transloco);
  }

  /** One tap: a fresh link, opened in Telegram. */
  protected async link(): Promise<void> {
    this.miniApp.haptic('light');
    await this.store.connect();
    const link = this.store.link();
    if (link) {
      this.miniApp.openTelegramLink(link.url);
    } else {
      this.miniApp.haptic('error');
    }
  }

  protected openAgain(): void {
    const link = this.store.link();
    if (link) {
      this.miniApp.openTelegramLink(link.url);
    }
  }

  protected async continue(): Promise<void> {
    await this.router.navigateByUrl(this.auth.home() ?? '/');
  }
}
