import { type MatIconRegistry } from '@angular/material/icon';
import { type DomSanitizer } from '@angular/platform-browser';

/** Registers inline icons (name to SVG path, 24 x 24) with the app-wide registry. */
export function registerIcons(
  registry: MatIconRegistry,
  sanitizer: DomSanitizer,
  icons: Readonly<Record<string, string>>,
): void {
  for (const [name, path] of Object.entries(icons)) {
    registry.addSvgIconLiteral(
      name,
      // The markup is a constant of this library, never user input.
      sanitizer.bypassSecurityTrustHtml(
        `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="${path}"/></svg>`,
      ),
    );
  }
}
