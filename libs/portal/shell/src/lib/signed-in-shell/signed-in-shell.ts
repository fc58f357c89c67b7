import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, inject, viewChild } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemIcon, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatSidenav, MatSidenavContainer, MatSidenavContent } from '@angular/material/sidenav';
import { MatToolbar } from '@angular/material/toolbar';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';
import { AuthStore } from '@deskgram/portal/auth';
import { LanguageStore, PRODUCT_NAME } from '@deskgram/portal/core';
import { TranslocoDirective } from '@jsverse/transloco';
import { map } from 'rxjs';
import { LanguageMenu, MatDivider, MatMenu, MatMenuItem, MatMenuTrigger, OpenMenuOnRender } from '../menus';
import { initialsOf, navigationFor } from './navigation';

/** Below this width the navigation leaves the page and becomes a drawer behind the menu button. */
const NARROW = '(max-width: 959.98px)';

/** The frame around the pages of a signed-in person: toolbar, user menu and the navigation of their role. */
@Component({
  selector: 'dg-signed-in-shell',
  imports: [
    LanguageMenu,
    MatButton,
    MatDivider,
    MatIcon,
    MatIconButton,
    MatListItem,
    MatListItemIcon,
    MatListItemTitle,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatNavList,
    MatSidenav,
    MatSidenavContainer,
    MatSidenavContent,
    MatToolbar,
    OpenMenuOnRender,
    RouterLink,
    RouterLinkActive,
    RouterOutlet,
    TranslocoDirective,
  ],
  templateUrl: './signed-in-shell.html',
  styleUrl: './signed-in-shell.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SignedInShell {
  private readonly auth = inject(AuthStore);
  private readonly sidenav = viewChild.required(MatSidenav);

  protected readonly productName = PRODUCT_NAME;
  protected readonly language = inject(LanguageStore).language;
  protected readonly user = this.auth.user;
  protected readonly initials = computed(() => initialsOf(this.user()?.displayName ?? ''));
  protected readonly navigation = computed(() => {
    const role = this.auth.role();
    return role === null ? [] : navigationFor(role);
  });
  protected readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe(NARROW)
      .pipe(map((state) => state.matches)),
    { requireSync: true },
  );

  constructor() {
    void this.auth.verify();
  }

  /** On a narrow screen the drawer covers the page, so it gets out of the way once a page is chosen. */
  protected closeDrawer(): void {
    if (this.narrow()) {
      void this.sidenav().close();
    }
  }

  protected signOut(): Promise<void> {
    return this.auth.signOut();
  }
}
