import { type Routes } from '@angular/router';
import { provideDeliveryIcons } from './delivery-icons';

/** Mounted at `/staff/deliveries`: the log of every notification the portal sent, or tried to send, on Telegram. */
export const DELIVERIES_ROUTES: Routes = [
  {
    path: '',
    title: 'deliveries.title',
    providers: [provideDeliveryIcons()],
    loadComponent: () => import('./delivery-log/delivery-log').then((m) => m.DeliveryLog),
  },
];
