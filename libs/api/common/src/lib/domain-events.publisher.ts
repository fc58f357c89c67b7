import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEvents } from './events';

/**
 * Emits a domain event and waits for every listener, so that what listeners write (delivery rows) joins the
 * caller's transaction and a listener's failure rolls the change back. Listeners therefore subscribe with
 * `@OnEvent(name, { suppressErrors: false })`: Nest's default would log a listener's error and commit anyway.
 */
@Injectable()
export class DomainEventsPublisher {
  constructor(private readonly emitter: EventEmitter2) {}

  async publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}
