import { afterNextRender, Directive, ElementRef, inject } from '@angular/core';
import { MatMenuTrigger } from '@angular/material/menu';

/**
 * Opens the menu of the trigger it sits on once it is rendered, and moves the focus onto it. For a trigger that
 * replaces a lighter look-alike button when that one is used (`@defer (on interaction)`): the click or key press that
 * brought the menu in should also open it.
 */
@Directive({ selector: '[dgOpenMenuOnRender]' })
export class OpenMenuOnRender {
  constructor() {
    const trigger = inject(MatMenuTrigger);
    const button = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;
    afterNextRender(() => {
      // The focus was on the look-alike, which is gone; the trigger takes it back when the menu closes.
      button.focus();
      trigger.openMenu();
    });
  }
}
