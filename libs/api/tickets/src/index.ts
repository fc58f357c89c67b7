export * from './lib/dto/tickets.dto';
export * from './lib/ticket-message.entity';
export * from './lib/ticket.entity';
export * from './lib/tickets.module';
export * from './lib/tickets.service';
