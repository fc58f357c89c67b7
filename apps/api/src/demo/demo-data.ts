/**
 * The demo accounts that `DEMO_DATA` creates on an empty database, so that a newcomer can try both areas at once.
 * README.md lists them; change both together.
 */
export const DEMO_PASSWORD = 'deskgram-demo';

export const DEMO_STAFF = [
  { email: 'admin@deskgram.example', displayName: 'Alex Morgan', role: 'admin' as const },
  { email: 'agent@deskgram.example', displayName: 'Sam Rivera', role: 'agent' as const },
  { email: 'olga@deskgram.example', displayName: 'Ольга Смирнова', role: 'agent' as const },
];

export const DEMO_CLIENTS = [
  {
    name: 'Northwind Trading',
    email: 'anna@northwind.example',
    company: 'Northwind Trading Ltd',
    phone: '+44 20 7946 0958',
    extraUsers: [{ email: 'ben@northwind.example', displayName: 'Ben Carter' }],
  },
  {
    name: 'Ромашка',
    email: 'ivan@romashka.example',
    company: 'ООО «Ромашка»',
    phone: '+7 495 123-45-67',
    extraUsers: [],
  },
  {
    name: 'Contoso Clinic',
    email: 'lee@contoso.example',
    company: null,
    phone: null,
    extraUsers: [],
  },
];
