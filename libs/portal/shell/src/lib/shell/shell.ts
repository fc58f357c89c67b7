import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterOutlet } from '@angular/router';
import { type Language, LanguageStore, PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';

/** The frame around every page: the toolbar with the product and the language menu. */
@Component({
  selector: 'dg-shell',
  imports: [
    MatButton,
    MatIcon,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatToolbar,
    RouterLink,
    RouterOutlet,
    TranslocoDirective,
  ],
  templateUrl: './shell.html',
  styleUrl: './shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Shell {
  private readonly languageStore = inject(LanguageStore);

  protected readonly productName = PRODUCT_NAME;
  protected readonly languages = this.languageStore.languages;
  protected readonly language = this.languageStore.language;

  protected setLanguage(language: Language): void {
    this.languageStore.setLanguage(language);
  }
}
