import { Injectable, Module } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Test } from '@nestjs/testing';
import type { AuthenticatedUser } from '@deskgram/api/auth';
import { DomainEvent, type DomainEvents } from '@deskgram/api/common';
import { ClientsService } from '@deskgram/api/clients';
import { InvoicesService } from '@deskgram/api/invoices';
import { TicketsService } from '@deskgram/api/tickets';
import { createTestDatabase, queryDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppModule } from './app.module';
import { configureApp } from './bootstrap';
import { AppConfig } from './config';

type Recorded = { name: keyof DomainEvents; payload: DomainEvents[keyof DomainEvents] };

/**
 * A listener like the Notifications module's: it writes a row in the emitting transaction. What it wrote is the
 * proof of an event that took effect; a rolled-back change leaves nothing.
 */
@Injectable()
class EventJournal {
  readonly heard: Recorded[] = [];

  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  private async record(name: keyof DomainEvents, payload: DomainEvents[keyof DomainEvents]): Promise<void> {
    this.heard.push({ name, payload });
    await this.txHost.tx.query('INSERT INTO event_journal (name, payload) VALUES ($1, $2)', [name, payload]);
    if ('ticket' in payload && payload.ticket.subject.includes('[fail after event]')) {
      throw new Error('a later step of the change failed');
    }
  }

  @OnEvent(DomainEvent.TicketCreated, { suppressErrors: false })
  onCreated(payload: DomainEvents['ticket.created']) {
    return this.record(DomainEvent.TicketCreated, payload);
  }

  @OnEvent(DomainEvent.TicketMessageCreated, { suppressErrors: false })
  onMessage(payload: DomainEvents['ticket.message.created']) {
    return this.record(DomainEvent.TicketMessageCreated, payload);
  }

  @OnEvent(DomainEvent.TicketStatusChanged, { suppressErrors: false })
  onStatus(payload: DomainEvents['ticket.status.changed']) {
    return this.record(DomainEvent.TicketStatusChanged, payload);
  }

  @OnEvent(DomainEvent.TicketAssigned, { suppressErrors: false })
  onAssigned(payload: DomainEvents['ticket.assigned']) {
    return this.record(DomainEvent.TicketAssigned, payload);
  }

  @OnEvent(DomainEvent.InvoiceIssued, { suppressErrors: false })
  onIssued(payload: DomainEvents['invoice.issued']) {
    return this.record(DomainEvent.InvoiceIssued, payload);
  }

  @OnEvent(DomainEvent.InvoicePaid, { suppressErrors: false })
  onPaid(payload: DomainEvents['invoice.paid']) {
    return this.record(DomainEvent.InvoicePaid, payload);
  }

  @OnEvent(DomainEvent.InvoiceOverdue, { suppressErrors: false })
  onOverdue(payload: DomainEvents['invoice.overdue']) {
    return this.record(DomainEvent.InvoiceOverdue, payload);
  }
}

@Module({ providers: [EventJournal] })
class EventJournalModule {}

describe('domain events', () => {
  let database: TestDatabase;
  let dataDir: string;
  let app: NestExpressApplication;
  let journal: EventJournal;
  let tickets: TicketsService;
  let invoices: InvoicesService;
  let client: AuthenticatedUser;
  let agent: AuthenticatedUser;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataDir = await mkdtemp(join(tmpdir(), 'deskgram-events-'));
    const config = new AppConfig({
      PORT: 3000,
      DATABASE_URL: database.url,
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      DEMO_DATA: false,
      OVERDUE_SWEEP_SECONDS: 86400,
    });
    const moduleRef = await Test.createTestingModule({
      imports: [AppModule.forRoot(config), EventJournalModule],
    }).compile();
    app = moduleRef.createNestApplication<NestExpressApplication>({ bodyParser: false, logger: false });
    configureApp(app);
    await app.init();
    await queryDatabase(database.url, 'CREATE TABLE event_journal (name text, payload jsonb)');
    journal = app.get(EventJournal);
    tickets = app.get(TicketsService);
    invoices = app.get(InvoicesService);
    const { client: created, users } = await app.get(ClientsService).create({
      name: 'Events Ltd',
      email: 'events@client.example',
      password: 'long-enough',
    });
    client = { ...users[0], clientId: created.id, role: 'client', language: null };
    agent = {
      id: (
        await queryDatabase<{ id: string }>(
          database.url,
          `INSERT INTO users (email, password_hash, display_name, role) VALUES ('agent@events.example', 'x', 'Agent', 'agent') RETURNING id`,
        )
      )[0].id,
      email: 'agent@events.example',
      displayName: 'Agent',
      role: 'agent',
      clientId: null,
      language: null,
    };
  });

  afterAll(async () => {
    await app?.close();
    await database?.drop();
    await rm(dataDir, { recursive: true, force: true });
  });

  beforeEach(() => journal.heard.splice(0));

  const journalRows = () =>
    queryDatabase<{ name: string; payload: Record<string, unknown> }>(database.url, 'SELECT * FROM event_journal');

  it('emits ticket.created once, with what a listener needs', async () => {
    const { ticket } = await tickets.create(client, { subject: 'Cannot sign in', body: 'Since Monday.' });
    expect(journal.heard).toEqual([
      {
        name: 'ticket.created',
        payload: {
          ticket: expect.objectContaining({
            id: ticket.id,
            number: `T-${ticket.seq}`,
            subject: 'Cannot sign in',
            clientId: client.clientId,
          }),
          actor: { userId: client.id, role: 'client' },
          body: 'Since Monday.',
          attachments: [],
        },
      },
    ]);
  });

  it('marks internal notes, and emits status and assignment changes', async () => {
    const { ticket } = await tickets.create(client, { subject: 'Slow VPN', body: 'Very slow.' });
    journal.heard.splice(0);
    await tickets.addMessage(agent, ticket.id, { body: 'Check the ISP first.', internal: true });
    await tickets.update(agent, ticket.id, { status: 'waiting_for_client', assigneeId: agent.id });
    await tickets.addMessage(client, ticket.id, { body: 'Still slow.' });
    expect(
      journal.heard.map(({ name, payload }) => [name, 'internal' in payload ? payload.internal : undefined]),
    ).toEqual([
      ['ticket.message.created', true],
      ['ticket.status.changed', undefined],
      ['ticket.assigned', undefined],
      ['ticket.message.created', false],
      ['ticket.status.changed', undefined],
    ]);
    expect(journal.heard[1].payload).toMatchObject({ from: 'open', to: 'waiting_for_client' });
    expect(journal.heard[2].payload).toMatchObject({ previousAssigneeId: null, assigneeId: agent.id });
    expect(journal.heard[4].payload).toMatchObject({
      from: 'waiting_for_client',
      to: 'open',
      actor: { role: 'client' },
    });
  });

  it('leaves no trace of a change whose transaction rolled back', async () => {
    const before = (await journalRows()).length;
    await expect(
      tickets.create(client, { subject: 'Lost [fail after event]', body: 'This change fails after its event.' }),
    ).rejects.toThrow('a later step of the change failed');
    expect(journal.heard).toHaveLength(1); // the listener ran...
    expect(await journalRows()).toHaveLength(before); // ...but what it wrote went with the rollback
    const stored = await queryDatabase(database.url, "SELECT 1 FROM tickets WHERE subject LIKE 'Lost%'");
    expect(stored).toEqual([]);
  });

  it('queues notifications in the transaction of the change, and none for a change that rolled back', async () => {
    await queryDatabase(
      database.url,
      `INSERT INTO telegram_links (user_id, telegram_user_id, chat_id, first_name, language, state, linked_at)
       VALUES ($1, 7000000999, 7000000999, 'Agent', 'en', 'connected', now())`,
      [agent.id],
    );
    const deliveries = () =>
      queryDatabase<{ text: string }>(
        database.url,
        'SELECT text FROM notification_deliveries WHERE recipient_id = $1 ORDER BY seq',
        [agent.id],
      );
    await expect(
      tickets.create(client, { subject: 'Gone [fail after event]', body: 'This change fails after its event.' }),
    ).rejects.toThrow('a later step of the change failed');
    expect(await deliveries()).toEqual([]);

    await tickets.create(client, { subject: 'Kept', body: 'This change commits.' });
    expect(await deliveries()).toEqual([{ text: expect.stringContaining('Kept') }]);
  });

  it('emits invoice.issued, invoice.paid and invoice.overdue with number, total and due date', async () => {
    const dueDate = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const draft = await invoices.create({
      clientId: client.clientId as string,
      currency: 'EUR',
      dueDate,
      items: [{ description: 'Hours', quantity: '2', unitPrice: '50.00' }],
    });
    const issued = await invoices.transition(agent, draft.id, 'issue');
    await queryDatabase(database.url, 'UPDATE invoices SET due_date = current_date - 1 WHERE id = $1', [draft.id]);
    expect(await invoices.markOverdue()).toBe(1);
    expect(await invoices.markOverdue()).toBe(0);
    await invoices.transition(agent, draft.id, 'pay');
    expect(journal.heard.map(({ name }) => name)).toEqual(['invoice.issued', 'invoice.overdue', 'invoice.paid']);
    expect(journal.heard[0].payload).toEqual({
      invoice: {
        id: draft.id,
        number: `INV-${issued.year}-${String(issued.seq).padStart(4, '0')}`,
        clientId: client.clientId,
        currency: 'EUR',
        total: '100.00',
        dueDate,
      },
      actor: { userId: agent.id, role: 'agent' },
    });
    expect(journal.heard[1].payload).toMatchObject({ actor: null });
  });
});
