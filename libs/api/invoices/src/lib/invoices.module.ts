import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DomainEventsPublisher } from '@deskgram/api/common';
import { InvoiceCounterEntity, InvoiceEntity, InvoiceItemEntity } from './invoice.entity';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { INVOICES_OPTIONS, type InvoicesModuleOptions, OverdueSweep } from './overdue-sweep';

export const INVOICE_ENTITIES = [InvoiceEntity, InvoiceItemEntity, InvoiceCounterEntity];

@Module({})
export class InvoicesModule {
  static forRoot(options: InvoicesModuleOptions): DynamicModule {
    return {
      module: InvoicesModule,
      imports: [TypeOrmModule.forFeature(INVOICE_ENTITIES)],
      controllers: [InvoicesController],
      providers: [
        { provide: INVOICES_OPTIONS, useValue: options },
        InvoicesService,
        DomainEventsPublisher,
        OverdueSweep,
      ],
      exports: [InvoicesService],
    };
  }
}
