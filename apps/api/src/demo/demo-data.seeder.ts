import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AdvisoryLock } from '@deskgram/api/common';
import { type AuthenticatedUser, toAuthenticated, UsersService } from '@deskgram/api/auth';
import { ClientsService } from '@deskgram/api/clients';
import { InvoicesService } from '@deskgram/api/invoices';
import { TicketsService } from '@deskgram/api/tickets';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '../config';
import { DEMO_CLIENTS, DEMO_INVOICES, DEMO_PASSWORD, DEMO_STAFF, DEMO_TICKETS } from './demo-data';

/** Fills an empty database with demo staff, clients, tickets and invoices when DEMO_DATA is on (by default only on the embedded database). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly clients: ClientsService,
    private readonly tickets: TicketsService,
    private readonly invoices: InvoicesService,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.demoData) return;
    if (await this.seed()) this.logger.log(`Demo data created; every demo account's password is "${DEMO_PASSWORD}"`);
  }

  /**
   * One transaction under an advisory lock: replicas starting together seed once, and never half. A database with
   * any client is not empty; an administrator made from ADMIN_EMAIL does not count.
   */
  @Transactional()
  async seed(): Promise<boolean> {
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock($1)', [AdvisoryLock.DemoData]);
    if ((await this.clients.count()) > 0) return false;
    for (const staff of DEMO_STAFF) {
      if (!(await this.users.exists(staff.email))) await this.users.createStaff({ ...staff, password: DEMO_PASSWORD });
    }
    for (const demo of DEMO_CLIENTS) {
      const { client } = await this.clients.create({
        name: demo.name,
        contactName: demo.contactName,
        email: demo.email,
        password: DEMO_PASSWORD,
        phone: demo.phone,
        company: demo.company,
      });
      for (const user of demo.extraUsers) await this.clients.addUser(client.id, { ...user, password: DEMO_PASSWORD });
    }
    await this.seedTickets();
    await this.seedInvoices();
    return true;
  }

  private async user(email: string): Promise<AuthenticatedUser> {
    const user = await this.users.findForSignIn(email);
    if (!user) throw new Error(`Demo user ${email} is missing`);
    return toAuthenticated(user);
  }

  private async seedTickets(): Promise<void> {
    for (const demo of DEMO_TICKETS) {
      const author = await this.user(demo.client);
      const staff = await this.user(demo.reply.by);
      const { ticket } = await this.tickets.create(author, {
        subject: demo.subject,
        body: demo.body,
        priority: demo.priority,
      });
      await this.tickets.addMessage(staff, ticket.id, { body: demo.reply.body, internal: demo.reply.internal });
      await this.tickets.update(staff, ticket.id, {
        status: demo.status,
        assigneeId: demo.reply.internal ? null : staff.id,
      });
    }
  }

  private async seedInvoices(): Promise<void> {
    const admin = await this.user(DEMO_STAFF[0].email);
    for (const demo of DEMO_INVOICES) {
      const clientId = (await this.user(demo.client)).clientId as string;
      const dueDate = new Date(Date.now() + demo.dueInDays * 86_400_000).toISOString().slice(0, 10);
      const invoice = await this.invoices.create({ clientId, currency: demo.currency, dueDate, items: demo.items });
      if (demo.action) await this.invoices.transition(admin, invoice.id, 'issue');
      if (demo.action === 'pay') await this.invoices.transition(admin, invoice.id, 'pay');
    }
  }
}
