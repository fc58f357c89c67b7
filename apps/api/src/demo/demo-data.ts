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
    contactName: 'Anna Hughes',
    email: 'anna@northwind.example',
    company: 'Northwind Trading Ltd',
    phone: '+44 20 7946 0958',
    extraUsers: [{ email: 'ben@northwind.example', displayName: 'Ben Carter' }],
  },
  {
    name: 'Ромашка',
    contactName: 'Иван Петров',
    email: 'ivan@romashka.example',
    company: 'ООО «Ромашка»',
    phone: '+7 495 123-45-67',
    extraUsers: [],
  },
  {
    name: 'Contoso Clinic',
    contactName: 'Lee Chen',
    email: 'lee@contoso.example',
    company: null,
    phone: null,
    extraUsers: [],
  },
];

/** A realistic spread for the queue: by client e-mail, with the staff member who answers (if anyone yet). */
export const DEMO_TICKETS = [
  {
    client: 'anna@northwind.example',
    subject: 'Invoice shows the wrong VAT rate',
    body: 'Our November invoice lists 19% VAT, but we are billed from the UK office at 20%.',
    priority: 'high' as const,
    reply: { by: 'agent@deskgram.example', body: 'Thanks, Anna. I have asked billing to reissue it.', internal: false },
    status: 'in_progress' as const,
  },
  {
    client: 'ben@northwind.example',
    subject: 'VPN disconnects every few minutes',
    body: 'Since Tuesday the VPN drops roughly every five minutes for everyone on the second floor.',
    priority: 'urgent' as const,
    reply: {
      by: 'olga@deskgram.example',
      body: 'Router firmware was updated on Tuesday; check it first.',
      internal: true,
    },
    status: 'open' as const,
  },
  {
    client: 'ivan@romashka.example',
    subject: 'Не приходят письма с сайта',
    body: 'Форма обратной связи на сайте перестала отправлять письма на почту отдела продаж.',
    priority: 'normal' as const,
    reply: {
      by: 'olga@deskgram.example',
      body: 'Проверьте, пожалуйста, папку «Спам» и пришлите адрес формы.',
      internal: false,
    },
    status: 'waiting_for_client' as const,
  },
  {
    client: 'lee@contoso.example',
    subject: 'New starter needs an account',
    body: 'Dr. Patel starts on Monday and needs access to the booking system.',
    priority: 'low' as const,
    reply: {
      by: 'agent@deskgram.example',
      body: 'Done: the account is ready and the password was sent by SMS.',
      internal: false,
    },
    status: 'resolved' as const,
  },
];

/** Invoices in every state a client can see, plus a draft. */
export const DEMO_INVOICES = [
  {
    client: 'anna@northwind.example',
    currency: 'GBP',
    dueInDays: 14,
    action: 'issue' as const,
    items: [
      { description: 'Managed support, December', quantity: '1', unitPrice: '1250.00' },
      { description: 'On-site visit', quantity: '3', unitPrice: '40.50' },
    ],
  },
  {
    client: 'anna@northwind.example',
    currency: 'GBP',
    dueInDays: -20,
    action: 'pay' as const,
    items: [{ description: 'Managed support, October', quantity: '1', unitPrice: '1250.00' }],
  },
  {
    client: 'ivan@romashka.example',
    currency: 'RUB',
    dueInDays: -3,
    action: 'issue' as const,
    items: [{ description: 'Администрирование сайта, ноябрь', quantity: '12.5', unitPrice: '2400.00' }],
  },
  {
    client: 'lee@contoso.example',
    currency: 'USD',
    dueInDays: 30,
    action: null,
    items: [{ description: 'Booking system licence', quantity: '5', unitPrice: '29.00' }],
  },
];
