import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatCard } from '@angular/material/card';
import { ChangePassword } from '@deskgram/portal/accounts';
import { AuthStore } from '@deskgram/portal/auth';
import { type Language, LanguageStore } from '@deskgram/portal/core';
import { NotificationPreferences, TelegramCard } from '@deskgram/portal/telegram';
import { TranslocoDirective } from '@jsverse/transloco';

/** The signed-in person's own page: who they are, the portal's language, the Telegram card and what it tells them. */
@Component({
  selector: 'dg-profile',
  imports: [
    ChangePassword,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatCard,
    NotificationPreferences,
    TelegramCard,
    TranslocoDirective,
  ],
  templateUrl: './profile.html',
  styleUrl: './profile.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class Profile {
  private readonly languageStore = inject(LanguageStore);

  protected readonly user = inject(AuthStore).user;
  protected readonly languages = this.languageStore.languages;
  protected readonly language = this.languageStore.language;

  protected setLanguage(language: Language): void {
    this.languageStore.setLanguage(language);
  }
}
