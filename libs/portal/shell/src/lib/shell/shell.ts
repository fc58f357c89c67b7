import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { LanguageStore, PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { LanguageMenu, MatMenuTrigger, OpenMenuOnRender } from '../menus';

/** The frame around the pages for people who are not signed in: the product and the language menu. */
@Component({
  selector: 'dg-shell',
  imports: [
    LanguageMenu,
    MatButton,
    MatIcon,
    MatMenuTrigger,
    MatToolbar,
    OpenMenuOnRender,
    RouterLink,
    RouterOutlet,
    TranslocoDirective,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  protected readonly productName = PRODUCT_NAME;
  protected readonly language = inject(LanguageStore).language;
}
