import { type EnvironmentProviders, inject, provideAppInitializer } from '@angular/core';
import { MatIconRegistry } from '@angular/material/icon';
import { DomSanitizer } from '@angular/platform-browser';
import { PAGE_ICONS } from './lib/icons/page-icons';
import { registerIcons } from './lib/icons/register-icons';

// Not part of the library's index, so that the portal's first download does not carry the signed-in pages' icons
// (the app loads them with `loadPageIcons`). For tests that render signed-in pages without the app's routes.

/** Registers the signed-in pages' icons at start, next to `providePortalIcons()`. */
export function providePageIcons(): EnvironmentProviders {
  return provideAppInitializer(() => registerIcons(inject(MatIconRegistry), inject(DomSanitizer), PAGE_ICONS));
}
