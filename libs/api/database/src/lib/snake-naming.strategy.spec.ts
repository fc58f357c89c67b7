import { SnakeNamingStrategy } from './snake-naming.strategy';

describe(SnakeNamingStrategy.name, () => {
  const naming = new SnakeNamingStrategy();

  it('names tables and columns in snake_case', () => {
    expect(naming.tableName('TicketMessage', undefined)).toBe('ticket_message');
    expect(naming.columnName('createdAt', undefined, [])).toBe('created_at');
    expect(naming.columnName('telegramUserId', undefined, [])).toBe('telegram_user_id');
  });

  it('keeps names given explicitly and prefixes embedded columns', () => {
    expect(naming.tableName('Ticket', 'tickets')).toBe('tickets');
    expect(naming.columnName('amountMinor', undefined, ['total'])).toBe('total_amount_minor');
  });

  it('names join columns after the relation', () => {
    expect(naming.joinColumnName('assignedUser', 'id')).toBe('assigned_user_id');
  });
});
