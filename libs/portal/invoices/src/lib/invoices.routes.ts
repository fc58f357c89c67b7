import { type Routes } from '@angular/router';

/** Mounted at `/client/invoices`: the client's invoices, and one of them, printable, at `/client/invoices/:id`. */
export const CLIENT_INVOICES_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        title: 'invoices.clientList.title',
        loadComponent: () => import('./client-invoice-list/client-invoice-list').then((m) => m.ClientInvoiceList),
      },
      {
        path: ':id',
        title: 'invoices.page.title',
        loadComponent: () => import('./invoice-page/invoice-page').then((m) => m.InvoicePage),
      },
    ],
  },
];

/** Mounted at `/staff/invoices`: every invoice, a new one at `new`, and one of them at `:id`. */
export const STAFF_INVOICES_ROUTES: Routes = [
  {
    path: '',
    children: [
      {
        path: '',
        title: 'invoices.staffList.title',
        loadComponent: () => import('./staff-invoice-list/staff-invoice-list').then((m) => m.StaffInvoiceList),
      },
      {
        path: 'new',
        title: 'invoices.editor.newTitle',
        loadComponent: () => import('./invoice-editor/invoice-editor').then((m) => m.InvoiceEditor),
      },
      {
        path: ':id',
        title: 'invoices.editor.title',
        loadComponent: () => import('./invoice-editor/invoice-editor').then((m) => m.InvoiceEditor),
      },
    ],
  },
];
