import { ChangeDetectionStrategy, Component, inject, type OnInit, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { Router } from '@angular/router';
import { DeskgramApi } from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';
import { PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { parseStartParam } from '../launch';
import { MiniApp } from '../mini-app';
import { deepLinkTarget } from './deep-link';
import { type TelegramSignInFailure, telegramSignInFailure } from './sign-in-outcome';

/**
 * `/telegram`, the Mini App's first page: signs in with Telegram's init data when nobody is signed in here, then opens
 * the start parameter's ticket or the person's area. An unlinked Telegram account goes to `/telegram/link`; any other
 * failure is explained, with Retry.
 */
@Component({
  selector: 'dg-mini-app-start',
  imports: [MatButton, MatCard, MatCardContent, MatIcon, MatProgressSpinner, TranslocoDirective],
  templateUrl: './mini-app-start.html',
  styleUrl: '../mini-app-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MiniAppStart implements OnInit {
  private readonly api = inject(DeskgramApi);
  private readonly auth = inject(AuthStore);
  private readonly miniApp = inject(MiniApp);
  private readonly router = inject(Router);

  protected readonly productName = PRODUCT_NAME;
  protected readonly failure = signal<TelegramSignInFailure | null>(null);

  ngOnInit(): void {
    void this.run();
  }

  protected async run(): Promise<void> {
    this.failure.set(null);
    if (!this.miniApp.active() && !this.auth.isSignedIn()) {
      // Opened in a browser: there is no Telegram to sign in with.
      await this.router.navigateByUrl('/sign-in', { replaceUrl: true });
      return;
    }
    if (!this.auth.isSignedIn()) {
      const initData = this.miniApp.rawInitData();
      if (!initData) {
        this.fail('noInitData');
        return;
      }
      try {
        await this.auth.signInWithTelegram(initData);
      } catch (error) {
        const failure = telegramSignInFailure(error);
        if (failure === 'notLinked') {
          await this.router.navigateByUrl('/telegram/link', { replaceUrl: true });
        } else {
          this.fail(failure);
        }
        return;
      }
    }
    const area = this.auth.home();
    if (area === null) {
      return;
    }
    const target = await deepLinkTarget(this.api, area, parseStartParam(this.miniApp.startParam()));
    await this.router.navigateByUrl(target, { replaceUrl: true });
  }

  private fail(failure: TelegramSignInFailure): void {
    this.failure.set(failure);
    this.miniApp.haptic('error');
    this.miniApp.ready();
  }
}
