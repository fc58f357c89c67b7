/** An invoice's status (`InvoiceStatus`). */
export const INVOICE_STATUSES = ['draft', 'issued', 'overdue', 'paid', 'void'] as const;
export type InvoiceStatus = (typeof INVOICE_STATUSES)[number];
