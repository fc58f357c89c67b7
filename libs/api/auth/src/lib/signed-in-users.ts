import {
  type BeforeApplicationShutdown,
  type CallHandler,
  type ExecutionContext,
  Injectable,
  type NestInterceptor,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DatabaseListener, workerConnection } from '@deskgram/api/database';
import { ClsService } from 'nestjs-cls';
import { finalize, type Observable } from 'rxjs';
import type { DataSource } from 'typeorm';
import { SignedInCache } from './signed-in-cache';

/**
 * The channel the sign-in triggers NOTIFY (migration NotifySignInChanges): the payload is the id of a user whose
 * row or sign-ins changed, or `*` for everyone.
 */
export const SIGN_INS_CHANNEL = 'deskgram_sign_ins';

/** The users this request changed, dropped from the cache again once its transaction is over. */
const CHANGED_USERS = 'deskgram:changed-users';

const CACHE_OPTIONS = {
  maxEntries: 10_000,
  ttlMs: 60_000,
  // Only while a change of this process has not been seen through: its request ends (or the NOTIFY comes) sooner.
  changeMs: 60_000,
};

/**
 * The guard's cache of signed-in users, invalidated by the NOTIFYs of the sign-in triggers on a listening
 * connection of its own, and trusted only while that connection listens (see `SignedInCache`).
 */
@Injectable()
export class SignedInUsers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly cache = new SignedInCache(CACHE_OPTIONS);
  private readonly listener: DatabaseListener;

  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly cls: ClsService,
  ) {
    this.listener = new DatabaseListener({
      name: 'sign-in cache',
      connection: workerConnection(dataSource),
      channels: [SIGN_INS_CHANNEL],
      onNotification: (_channel, userId) => {
        if (userId === '*') this.cache.invalidateAll();
        else if (userId) this.cache.invalidate(userId);
      },
      onListening: (listening) => (listening ? this.cache.trust() : this.cache.distrust()),
    });
  }

  onApplicationBootstrap(): void {
    this.listener.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.listener.stop();
  }

  /**
   * This process is changing the user's row or sign-ins, in a transaction that may not be committed yet. The cache
   * drops them now and again when the request ends (`SignedInChangesInterceptor`), so that the very next request
   * reads the committed state, without waiting for the NOTIFY to come back.
   */
  changing(userId: string): void {
    this.cache.changing(userId);
    if (!this.cls.isActive()) return;
    this.cls.get<Set<string> | undefined>(CHANGED_USERS)?.add(userId);
  }
}

/**
 * Around every HTTP handler: the users it changed are dropped from the cache once it is over, after its transactions
 * committed and before the answer goes out.
 */
@Injectable()
export class SignedInChangesInterceptor implements NestInterceptor {
  constructor(
    private readonly signedIn: SignedInUsers,
    private readonly cls: ClsService,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http' || !this.cls.isActive()) return next.handle();
    // Created here and only added to below: transactions run in nested CLS contexts that share this Set.
    const changed = new Set<string>();
    this.cls.set(CHANGED_USERS, changed);
    return next.handle().pipe(
      finalize(() => {
        for (const userId of changed) this.signedIn.cache.changed(userId);
      }),
    );
  }
}
