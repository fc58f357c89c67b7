import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatAnchor } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { RouterLink } from '@angular/router';
import { AuthStore } from '@deskgram/portal/auth';
import { PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LinkThisTelegram } from './link-this-telegram';

/**
 * `/telegram/link`: this Telegram account is not linked to a Deskgram account. Signed out, it offers the e-mail
 * sign-in, which comes back here; signed in, it links this Telegram in one tap (`LinkThisTelegram`).
 */
@Component({
  selector: 'dg-mini-app-link',
  imports: [LinkThisTelegram, MatAnchor, MatCard, MatCardContent, MatIcon, RouterLink, TranslocoDirective],
  templateUrl: './mini-app-link.html',
  styleUrl: '../mini-app-page.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MiniAppLink {
  protected readonly productName = PRODUCT_NAME;
  protected readonly signedIn = inject(AuthStore).isSignedIn;
}
