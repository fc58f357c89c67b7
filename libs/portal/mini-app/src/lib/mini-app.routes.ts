import { type Routes } from '@angular/router';

/** `/telegram`: the Mini App's start (sign in with Telegram) and `/telegram/link` (this Telegram is not linked). */
export const MINI_APP_ROUTES: Routes = [
  {
    path: '',
    title: 'miniApp.start.title',
    loadComponent: () => import('./start/mini-app-start').then((m) => m.MiniAppStart),
  },
  {
    path: 'link',
    title: 'miniApp.link.title',
    loadComponent: () => import('./link/mini-app-link').then((m) => m.MiniAppLink),
  },
];
