export { CLIENT_INVOICES_ROUTES, STAFF_INVOICES_ROUTES } from './lib/invoices.routes';
export { UnpaidInvoicesCard } from './lib/unpaid-invoices-card/unpaid-invoices-card';
