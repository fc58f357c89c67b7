import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { DomainEvents } from './events';

/**
 * Emits a domain event and waits for every listener, so that what listeners write (delivery rows) joins the
 * caller's transaction and a listener's failure rolls the change back.
 */
@Injectable()
export class DomainEventsPublisher {
  constructor(private readonly emitter: EventEmitter2) {}

  async publish<K extends keyof DomainEvents>(name: K, payload: DomainEvents[K]): Promise<void> {
    await this.emitter.emitAsync(name, payload);
  }
}
