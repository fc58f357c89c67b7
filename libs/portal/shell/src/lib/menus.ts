// What the two frames show only once a menu button is used (`@defer`): one module, so that it is loaded as one chunk
// that shares the application's own chunks, instead of one chunk per Material package.
export { MatDivider } from '@angular/material/divider';
export { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
export { LanguageMenu } from './language-menu/language-menu';
export { OpenMenuOnRender } from './language-menu/open-menu-on-render';
