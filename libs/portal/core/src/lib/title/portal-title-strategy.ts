import { inject, Injectable, signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import { Title } from '@angular/platform-browser';
import { type RouterStateSnapshot, TitleStrategy } from '@angular/router';
import { TranslocoService } from '@jsverse/transloco';
import { of, switchMap } from 'rxjs';

export const PRODUCT_NAME = 'Deskgram';

/**
 * Route titles are translation keys. The tab title is translated, and follows a language switch without
 * waiting for the next navigation.
 */
@Injectable()
export class PortalTitleStrategy extends TitleStrategy {
  private readonly title = inject(Title);
  private readonly transloco = inject(TranslocoService);
  private readonly titleKey = signal<string | undefined>(undefined);

  constructor() {
    super();
    toObservable(this.titleKey)
      .pipe(
        switchMap((key) => (key ? this.transloco.selectTranslate<string>(key) : of(undefined))),
        takeUntilDestroyed(),
      )
      .subscribe((pageTitle) => {
        this.title.setTitle(pageTitle ? `${pageTitle} · ${PRODUCT_NAME}` : PRODUCT_NAME);
      });
  }

  override updateTitle(snapshot: RouterStateSnapshot): void {
    this.titleKey.set(this.buildTitle(snapshot));
  }
}
