import { computed, Directive, inject, input, linkedSignal, resource } from '@angular/core';
import { DeskgramApi, getTicket, type TicketDetailDto, type TicketMessageDto } from '@deskgram/api-client';
import { apiErrorOf, LanguageStore } from '@deskgram/portal/core';

export type TicketView = 'loading' | 'error' | 'not-found' | 'ticket';

/** What the client's thread and the staff detail share: the ticket from the address, kept up to date locally. */
@Directive()
export abstract class TicketPage {
  protected readonly api = inject(DeskgramApi);

  readonly id = input.required<string>();

  protected readonly language = inject(LanguageStore).language;
  protected readonly loaded = resource({
    params: () => ({ id: this.id() }),
    loader: ({ params }) => this.api.invoke(getTicket, { id: params.id }),
  });
  /** The ticket on screen: what the API sent, plus what was changed and written here since. */
  protected readonly ticket = linkedSignal<TicketDetailDto | undefined>(() =>
    this.loaded.hasValue() ? this.loaded.value() : undefined,
  );
  protected readonly view = computed<TicketView>(() => {
    if (this.loaded.status() === 'error') {
      return apiErrorOf(this.loaded.error()).status === 404 ? 'not-found' : 'error';
    }
    return this.ticket() ? 'ticket' : 'loading';
  });
  protected readonly closed = computed(() => this.ticket()?.status === 'closed');

  protected append(message: TicketMessageDto): void {
    this.ticket.update((ticket) =>
      ticket ? { ...ticket, messages: [...ticket.messages, message], lastActivityAt: message.createdAt } : ticket,
    );
  }

  protected markClosed(): void {
    this.ticket.update((ticket) => (ticket ? { ...ticket, status: 'closed' } : ticket));
  }
}
