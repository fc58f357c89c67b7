export * from './lib/dto/invoices.dto';
export * from './lib/invoice.entity';
export * from './lib/invoices.module';
export * from './lib/invoices.mapper';
export * from './lib/invoices.service';
