import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEvents } from './events';

/**
 * Emits a domain event and waits for every listener, so that what listeners write (delivery rows) joins the
 * caller's transaction and a listener's failure rolls the change back. Listeners therefore subscribe with
 * `@OnEvent(name, { suppressErrors: false })`: Nest's default would log a listener's error and commit anyway.
 *
 * Listeners run one after another, not as `emitAsync` runs them (all at once): they share the transaction's one
 * connection, and when one fails the transaction rolls back at once, so a listener still running beside it would
 * go on writing outside the transaction, and its rows would survive the rollback.
 */
@Injectable()
export class DomainEventsPublisher {
  constructor(private readonly emitter: EventEmitter2) {}

  /** Resolves to what the listeners returned (e.g. how many deliveries they queued). */
  async publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): Promise<unknown[]> {
    const results: unknown[] = [];
    for (const listener of this.emitter.listeners(name)) {
      results.push(await listener(payload));
    }
    return results;
  }
}
