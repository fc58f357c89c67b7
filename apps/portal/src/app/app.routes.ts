import { type Routes } from '@angular/router';

export const appRoutes: Routes = [
  {
    path: '',
    loadComponent: () => import('@deskgram/portal/shell').then((m) => m.Shell),
    children: [
      // Until there are signed-in areas, the start page is the sign-in page.
      { path: '', pathMatch: 'full', redirectTo: 'sign-in' },
      {
        path: 'sign-in',
        title: 'signIn.title',
        loadComponent: () => import('@deskgram/portal/auth').then((m) => m.SignIn),
      },
      {
        path: '**',
        title: 'notFound.title',
        loadComponent: () => import('@deskgram/portal/shell').then((m) => m.NotFound),
      },
    ],
  },
];
