import { ChangeDetectionStrategy, Component, DOCUMENT, effect, ElementRef, inject, input } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { TranslocoService } from '@jsverse/transloco';
import { renderRichText } from './rich-text';
import { type MessageEntity } from './sandbox-api';

/** A message's text formatted as Telegram shows it; its styles are the `.tg-*` rules of styles.scss. */
@Component({
  selector: 'dg-rich-text',
  template: '',
  host: { class: 'dg-rich-text' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class RichText {
  readonly text = input.required<string>();
  readonly entities = input<readonly MessageEntity[]>([]);

  private readonly transloco = inject(TranslocoService);
  private readonly language = toSignal(this.transloco.langChanges$);

  constructor() {
    const host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    const document = inject(DOCUMENT);
    effect(() => {
      this.language();
      const labels = {
        spoiler: this.transloco.translate('message.spoiler'),
        expand: this.transloco.translate('message.expandQuote'),
      };
      host.replaceChildren(renderRichText(document, this.text(), this.entities(), labels));
    });
  }
}
