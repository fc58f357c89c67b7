import { ChangeDetectionStrategy, Component, inject, viewChild } from '@angular/core';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem } from '@angular/material/menu';
import { type Language, LanguageStore } from '@deskgram/portal/core';
import { TranslocoPipe } from '@jsverse/transloco';

/**
 * The list of languages as a menu, for any trigger: the language button on the sign-in page and the submenu of
 * the user menu. `<dg-language-menu #languages />` then `[matMenuTriggerFor]="languages.menu()"`.
 */
@Component({
  selector: 'dg-language-menu',
  imports: [MatIcon, MatMenu, MatMenuItem, TranslocoPipe],
  template: `
    <mat-menu xPosition="before">
      @for (option of languages; track option) {
        <button
          mat-menu-item
          role="menuitemradio"
          [attr.aria-checked]="option === language()"
          [attr.lang]="option"
          [attr.data-language]="option"
          (click)="setLanguage(option)"
        >
          <mat-icon svgIcon="check" [class.unchecked]="option !== language()" />
          <span>{{ 'language.' + option | transloco }}</span>
        </button>
      }
    </mat-menu>
  `,
  styles: `
    .unchecked {
      visibility: hidden;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class LanguageMenu {
  private readonly languageStore = inject(LanguageStore);

  readonly menu = viewChild.required(MatMenu);

  protected readonly languages = this.languageStore.languages;
  protected readonly language = this.languageStore.language;

  protected setLanguage(language: Language): void {
    this.languageStore.setLanguage(language);
  }
}
