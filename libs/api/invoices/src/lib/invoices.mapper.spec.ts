import { InvoiceEntity, InvoiceItemEntity } from './invoice.entity';
import { invoiceRef, toDetail, toInvoiceDto } from './invoices.mapper';

function invoice(currency: string, changes: Partial<InvoiceEntity> = {}): InvoiceEntity {
  return Object.assign(new InvoiceEntity(), {
    id: '6f1c0000-0000-4000-8000-000000000001',
    clientId: '6f1c0000-0000-4000-8000-000000000002',
    currency,
    totalMinor: 22150n,
    status: 'draft',
    dueDate: '2026-12-01',
    year: null,
    seq: null,
    issuedAt: null,
    paidAt: null,
    createdAt: new Date('2026-11-01T10:00:00Z'),
    ...changes,
  });
}

describe('invoice mapper', () => {
  it('writes amounts as decimal strings with the currency’s decimals, and no number before issue', () => {
    expect(toInvoiceDto(invoice('EUR'))).toMatchObject({ total: '221.50', number: null, clientName: '' });
    expect(toInvoiceDto(invoice('JPY')).total).toBe('22150');
    expect(toInvoiceDto(invoice('BHD')).total).toBe('22.150');
  });

  it('numbers an issued invoice and gives its times as ISO strings', () => {
    const issued = invoice('EUR', { status: 'issued', year: 2026, seq: 7, issuedAt: new Date('2026-11-02T09:00:00Z') });

    expect(toInvoiceDto(issued)).toMatchObject({ number: 'INV-2026-0007', issuedAt: '2026-11-02T09:00:00.000Z' });
    expect(invoiceRef(issued)).toEqual({
      id: issued.id,
      number: 'INV-2026-0007',
      clientId: issued.clientId,
      currency: 'EUR',
      total: '221.50',
      dueDate: '2026-12-01',
    });
  });

  it('lists the lines with quantities in thousandths written back as decimals', () => {
    const item = Object.assign(new InvoiceItemEntity(), {
      description: 'Support hours',
      quantityThousandths: 1500n,
      unitPriceMinor: 9999n,
      amountMinor: 14999n,
    });

    expect(toDetail(invoice('EUR', { items: [item] })).items).toEqual([
      { description: 'Support hours', quantity: '1.5', unitPrice: '99.99', amount: '149.99' },
    ]);
  });
});
