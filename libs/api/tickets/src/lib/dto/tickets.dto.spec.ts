import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ticketNumber } from '../ticket.entity';
import { AddMessageDto, CreateTicketDto, TicketQueryDto, UpdateTicketDto } from './tickets.dto';

function errors<T extends object>(type: new () => T, plain: object): string[] {
  return validateSync(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true }).flatMap((error) =>
    Object.values(error.constraints ?? {}),
  );
}

describe('ticket input', () => {
  it('accepts a subject and body at their limits and trims them', () => {
    const dto = plainToInstance(CreateTicketDto, { subject: ` ${'s'.repeat(200)} `, body: 'b'.repeat(20_000) });
    expect(validateSync(dto)).toEqual([]);
    expect(dto.subject).toHaveLength(200);
  });

  it('rejects blank and over-long texts with messages that name the field', () => {
    expect(errors(CreateTicketDto, { subject: '  ', body: 'x' })).toContain('subject must not be empty');
    expect(errors(CreateTicketDto, { subject: 'x', body: 'b'.repeat(20_001) })).toContain(
      'body must be at most 20000 characters',
    );
    expect(errors(AddMessageDto, { body: 'x', internal: 'yes' })).toContain('internal must be true or false');
  });

  it('takes null to unassign but not a malformed id', () => {
    expect(errors(UpdateTicketDto, { assigneeId: null })).toEqual([]);
    expect(errors(UpdateTicketDto, { assigneeId: 'bob' })).toContain('assigneeId must be a UUID or null');
  });

  it('filters unassigned tickets with assigneeId=none', () => {
    expect(errors(TicketQueryDto, { assigneeId: 'none' })).toEqual([]);
    expect(errors(TicketQueryDto, { status: 'lost' }).join()).toMatch(/status must be one of open, in_progress/);
  });
});

describe(ticketNumber.name, () => {
  it('reads like T-1042', () => {
    expect(ticketNumber(1042)).toBe('T-1042');
  });
});
