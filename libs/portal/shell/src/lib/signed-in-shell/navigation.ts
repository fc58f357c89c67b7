import { type Role } from '@deskgram/api-client';

export interface NavigationItem {
  readonly path: string;
  /** Translation key of the label. */
  readonly label: string;
  readonly icon: string;
  /** The start page of an area is active only on itself, not on every page below it. */
  readonly exact: boolean;
}

const CLIENT: readonly NavigationItem[] = [
  { path: '/client', label: 'nav.dashboard', icon: 'dashboard', exact: true },
  { path: '/client/tickets', label: 'nav.tickets', icon: 'confirmation_number', exact: false },
  { path: '/client/invoices', label: 'nav.invoices', icon: 'receipt', exact: false },
];

const STAFF: readonly NavigationItem[] = [
  { path: '/staff', label: 'nav.queue', icon: 'inbox', exact: true },
  { path: '/staff/clients', label: 'nav.clients', icon: 'business', exact: false },
  { path: '/staff/invoices', label: 'nav.invoices', icon: 'receipt', exact: false },
  { path: '/staff/deliveries', label: 'nav.deliveries', icon: 'notifications', exact: false },
];

const ADMIN_ONLY: readonly NavigationItem[] = [
  { path: '/staff/users', label: 'nav.staffUsers', icon: 'supervisor_account', exact: false },
];

/** The pages a role may open, in the order the navigation lists them. */
export function navigationFor(role: Role): readonly NavigationItem[] {
  switch (role) {
    case 'client':
      return CLIENT;
    case 'agent':
      return STAFF;
    case 'admin':
      return [...STAFF, ...ADMIN_ONLY];
  }
}

/** Up to two letters for the avatar: "Ольга Смирнова" -> "ОС", "Northwind Trading" -> "NT". */
export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return letters
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}
