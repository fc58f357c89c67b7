import { Test, type TestingModule } from '@nestjs/testing';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { dataSourceOptions, runMigrations } from '@deskgram/api/database';
import { createTestDatabase, type TestDatabase } from '@deskgram/testing/harness';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { ClsModule } from 'nestjs-cls';
import { DataSource } from 'typeorm';
import { DeliveryLogReadModel } from './delivery-log.read-model';
import { RecipientsReadModel } from './recipients.read-model';

/**
 * The notifications' reads of other libraries' tables, on a real, migrated database: when a migration renames or
 * reshapes `users`, `clients` or `telegram_links`, these tests say which read breaks.
 */
describe('notification read models', () => {
  let database: TestDatabase;
  let module: TestingModule;
  let dataSource: DataSource;
  let recipients: RecipientsReadModel;
  let log: DeliveryLogReadModel;
  const ids: Record<string, string> = {};

  async function user(key: string, values: { role: string; clientId?: string; language?: string; disabled?: boolean }) {
    const [row] = await dataSource.query(
      `INSERT INTO users (email, password_hash, role, display_name, client_id, language, disabled_at, created_at)
       VALUES ($1, 'x', $2, $3, $4, $5, CASE WHEN $6 THEN now() END, now() + ($7 || ' seconds')::interval)
       RETURNING id`,
      [
        `${key}@example.org`,
        values.role,
        `Name of ${key}`,
        values.clientId ?? null,
        values.language ?? null,
        values.disabled ?? false,
        Object.keys(ids).length,
      ],
    );
    ids[key] = row.id;
    return row.id as string;
  }

  async function link(key: string, chatId: number, state: 'connected' | 'blocked', language = 'en') {
    await dataSource.query(
      `INSERT INTO telegram_links (user_id, telegram_user_id, chat_id, first_name, language, state, linked_at)
       VALUES ($1, $2, $2, 'Someone', $3, $4, now())`,
      [ids[key], chatId, language, state],
    );
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    module = await Test.createTestingModule({
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(database.url, []),
          dataSourceFactory: async (options) => {
            const source = await new DataSource(options as never).initialize();
            await runMigrations(source);
            return source;
          },
        }),
        ClsModule.forRoot({
          global: true,
          plugins: [
            new ClsPluginTransactional({
              imports: [TypeOrmModule],
              adapter: new TransactionalAdapterTypeOrm({ dataSourceToken: getDataSourceToken() }),
            }),
          ],
        }),
      ],
      providers: [RecipientsReadModel, DeliveryLogReadModel],
    }).compile();
    dataSource = module.get(getDataSourceToken());
    recipients = module.get(RecipientsReadModel);
    log = module.get(DeliveryLogReadModel);

    const [{ id: northwind }] = await dataSource.query(
      `INSERT INTO clients (name, email) VALUES ('Northwind', 'n@example.org') RETURNING id`,
    );
    const [{ id: contoso }] = await dataSource.query(
      `INSERT INTO clients (name, email) VALUES ('Contoso', 'c@example.org') RETURNING id`,
    );
    ids['northwind'] = northwind;
    ids['contoso'] = contoso;
    await user('anna', { role: 'client', clientId: northwind, language: 'ru' });
    await user('ben', { role: 'client', clientId: northwind });
    await user('bea', { role: 'client', clientId: northwind });
    await user('dora', { role: 'client', clientId: northwind, disabled: true });
    await user('nora', { role: 'client', clientId: northwind });
    await user('lee', { role: 'client', clientId: contoso });
    await user('admin', { role: 'admin' });
    await user('agent', { role: 'agent' });
    await user('olga', { role: 'agent' });
    await link('anna', 1001, 'connected', 'en');
    await link('ben', 1002, 'connected', 'ru');
    await link('bea', 1003, 'blocked');
    await link('dora', 1004, 'connected');
    // nora has no link at all
    await link('lee', 1006, 'connected');
    await link('admin', 1007, 'connected');
    await link('agent', 1008, 'connected');
    await link('olga', 1009, 'connected');
    await dataSource.query(`INSERT INTO notification_preferences (user_id, muted) VALUES ($1, '{ticket_created}')`, [
      ids['olga'],
    ]);
  });

  afterAll(async () => {
    await module?.close();
    await database?.drop();
  });

  describe('RecipientsReadModel', () => {
    it("finds a client's enabled users with a connected link, oldest first, in the language the user chose", async () => {
      expect(await recipients.recipients({ clientUsersOf: ids['northwind'] }, 'ticket_created', null)).toEqual([
        // The user's own language wins over the one Telegram reported.
        { userId: ids['anna'], role: 'client', chatId: '1001', language: 'ru' },
        { userId: ids['ben'], role: 'client', chatId: '1002', language: 'ru' },
      ]);
    });

    it('leaves out the actor: nobody hears of their own action', async () => {
      const found = await recipients.recipients({ clientUsersOf: ids['northwind'] }, 'ticket_created', ids['anna']);
      expect(found.map((recipient) => recipient.userId)).toEqual([ids['ben']]);
    });

    it('finds staff who have not muted the kind', async () => {
      const created = await recipients.recipients({ staff: true }, 'ticket_created', null);
      expect(created.map((recipient) => recipient.userId)).toEqual([ids['admin'], ids['agent']]);
      const replied = await recipients.recipients({ staff: true }, 'ticket_reply', ids['agent']);
      expect(replied.map((recipient) => recipient.userId)).toEqual([ids['admin'], ids['olga']]);
    });

    it('finds one user only while they can hear it', async () => {
      expect(await recipients.recipients({ user: ids['lee'] }, 'invoice_issued', null)).toHaveLength(1);
      expect(await recipients.recipients({ user: ids['bea'] }, 'invoice_issued', null)).toEqual([]);
      expect(await recipients.recipients({ user: ids['dora'] }, 'invoice_issued', null)).toEqual([]);
      expect(await recipients.recipients({ user: ids['nora'] }, 'invoice_issued', null)).toEqual([]);
      expect(await recipients.recipients({ user: ids['olga'] }, 'ticket_created', null)).toEqual([]);
    });

    it('names the actor, the client and the assignee, and speaks as Deskgram when there is no actor', async () => {
      expect(await recipients.names(ids['agent'], ids['contoso'])).toEqual({
        actor: 'Name of agent',
        client: 'Contoso',
        assignee: null,
      });
      expect(await recipients.names(ids['anna'], ids['northwind'], ids['agent'])).toMatchObject({
        assignee: 'Name of agent',
      });
      expect(await recipients.names(null, null)).toEqual({ actor: 'Deskgram', client: '', assignee: null });
    });

    it("counts a client's enabled users with a connected link, and knows a client that does not exist", async () => {
      expect(await recipients.connectedUsersOfClient(ids['northwind'])).toBe(2);
      expect(await recipients.connectedUsersOfClient(ids['contoso'])).toBe(1);
      expect(await recipients.connectedUsersOfClient('00000000-0000-4000-8000-000000000000')).toBeNull();
    });

    it("reads a user's link and its state", async () => {
      expect(await recipients.linkOf(ids['anna'])).toEqual({ chatId: '1001', state: 'connected' });
      expect(await recipients.linkOf(ids['bea'])).toEqual({ chatId: '1003', state: 'blocked' });
      expect(await recipients.linkOf(ids['nora'])).toBeNull();
    });
  });

  describe('DeliveryLogReadModel', () => {
    beforeAll(async () => {
      const rows: Array<[string, string, string]> = [
        ['anna', 'ticket_created', 'sent'],
        ['ben', 'ticket_created', 'failed'],
        ['anna', 'invoice_issued', 'pending'],
        ['agent', 'ticket_reply', 'sent'],
      ];
      for (const [key, kind, status] of rows) {
        await dataSource.query(
          `INSERT INTO notification_deliveries (recipient_id, chat_id, kind, reference, text, status)
           VALUES ($1, 987654321987, $2, $3, '<b>Hello</b>', $4)`,
          [ids[key], kind, `${key}-${kind}`, status],
        );
      }
    });

    it('lists the newest first with the recipient, and the total', async () => {
      const page = await log.page({}, 0, 10);
      expect(page.total).toBe(4);
      expect(page.items.map((row) => row.reference)).toEqual([
        'agent-ticket_reply',
        'anna-invoice_issued',
        'ben-ticket_created',
        'anna-ticket_created',
      ]);
      expect(page.items[0]).toEqual({
        id: expect.any(String),
        recipient: { id: ids['agent'], displayName: 'Name of agent', role: 'agent' },
        kind: 'ticket_reply',
        reference: 'agent-ticket_reply',
        text: '<b>Hello</b>',
        status: 'sent',
        attempts: 0,
        lastError: null,
        createdAt: expect.any(Date),
        sentAt: null,
        nextAttemptAt: expect.any(Date),
      });
      // Nothing of Telegram's is read: no chat id, no message id.
      expect(JSON.stringify(page.items)).not.toContain('987654321987');
    });

    it('filters by status, kind and recipient, and pages with the full total', async () => {
      expect((await log.page({ status: 'failed' }, 0, 10)).items.map((row) => row.reference)).toEqual([
        'ben-ticket_created',
      ]);
      const anna = await log.page({ recipientId: ids['anna'], kind: 'ticket_created' }, 0, 10);
      expect(anna).toMatchObject({ total: 1, items: [{ reference: 'anna-ticket_created' }] });
      const second = await log.page({}, 1, 2);
      expect(second.total).toBe(4);
      expect(second.items.map((row) => row.reference)).toEqual(['anna-invoice_issued', 'ben-ticket_created']);
      expect(await log.page({ status: 'cancelled' }, 0, 10)).toEqual({ items: [], total: 0 });
    });

    it('reads one delivery, or null', async () => {
      const [first] = (await log.page({}, 0, 1)).items;
      expect(await log.one(first.id)).toEqual(first);
      expect(await log.one('00000000-0000-4000-8000-000000000000')).toBeNull();
    });
  });
});
