import { type InvoiceRef } from '@deskgram/api/common';
import { formatMoney, formatQuantity } from '@deskgram/shared/contract';
import { type InvoiceDetailDto, type InvoiceDto } from './dto/invoices.dto';
import { type InvoiceEntity, invoiceNumber } from './invoice.entity';

/** An invoice as the lists show it: amounts as decimal strings of the currency, the number once issued. */
export function toInvoiceDto(invoice: InvoiceEntity): InvoiceDto {
  return {
    id: invoice.id,
    number: invoice.year && invoice.seq ? invoiceNumber(invoice.year, invoice.seq) : null,
    clientId: invoice.clientId,
    clientName: invoice.client?.name ?? '',
    currency: invoice.currency,
    total: formatMoney(invoice.totalMinor, invoice.currency),
    status: invoice.status,
    dueDate: invoice.dueDate,
    issuedAt: invoice.issuedAt?.toISOString() ?? null,
    paidAt: invoice.paidAt?.toISOString() ?? null,
    createdAt: invoice.createdAt.toISOString(),
  };
}

/** An invoice with its lines (loaded with `items`). */
export function toDetail(invoice: InvoiceEntity): InvoiceDetailDto {
  return {
    ...toInvoiceDto(invoice),
    items: (invoice.items ?? []).map((item) => ({
      description: item.description,
      quantity: formatQuantity(item.quantityThousandths),
      unitPrice: formatMoney(item.unitPriceMinor, invoice.currency),
      amount: formatMoney(item.amountMinor, invoice.currency),
    })),
  };
}

/** What the invoice events carry about an invoice. */
export function invoiceRef(invoice: InvoiceEntity): InvoiceRef {
  return {
    id: invoice.id,
    number: invoice.year && invoice.seq ? invoiceNumber(invoice.year, invoice.seq) : '',
    clientId: invoice.clientId,
    currency: invoice.currency,
    total: formatMoney(invoice.totalMinor, invoice.currency),
    dueDate: invoice.dueDate,
  };
}
