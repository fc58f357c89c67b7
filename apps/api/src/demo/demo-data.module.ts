import { Injectable, Logger, Module, type OnApplicationBootstrap } from '@nestjs/common';
import { UsersService } from '@deskgram/api/auth';
import { ClientsModule, ClientsService } from '@deskgram/api/clients';
import { Transactional, TransactionHost } from '@nestjs-cls/transactional';
import type { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppConfig } from '../config';
import { DEMO_CLIENTS, DEMO_PASSWORD, DEMO_STAFF } from './demo-data';

/** Fills an empty database with demo staff and clients when DEMO_DATA is on (the default outside production). */
@Injectable()
export class DemoDataSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoDataSeeder.name);

  constructor(
    private readonly config: AppConfig,
    private readonly users: UsersService,
    private readonly clients: ClientsService,
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
    await this.txHost.tx.query('SELECT pg_advisory_xact_lock(4242002)');
    if ((await this.clients.count()) > 0) return false;
    for (const staff of DEMO_STAFF) {
      if (!(await this.users.exists(staff.email))) await this.users.createStaff({ ...staff, password: DEMO_PASSWORD });
    }
    for (const demo of DEMO_CLIENTS) {
      const { client } = await this.clients.create({
        name: demo.name,
        email: demo.email,
        password: DEMO_PASSWORD,
        phone: demo.phone,
        company: demo.company,
      });
      for (const user of demo.extraUsers) await this.clients.addUser(client.id, { ...user, password: DEMO_PASSWORD });
    }
    return true;
  }
}

@Module({ imports: [ClientsModule], providers: [DemoDataSeeder] })
export class DemoDataModule {}
