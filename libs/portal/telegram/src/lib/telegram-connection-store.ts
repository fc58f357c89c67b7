import { computed, DestroyRef, DOCUMENT, inject, Injectable, signal } from '@angular/core';
import {
  DeskgramApi,
  disconnectClientTelegram,
  disconnectStaffTelegram,
  generateClientLink,
  generateStaffLink,
  getClientTelegramStatus,
  getStaffTelegramStatus,
  type TelegramLinkDto,
  type TelegramStatusDto,
} from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';

/** How often the card asks whether the person pressed Start in Telegram, while it shows a code. */
export const TELEGRAM_STATUS_POLL_MS = 3000;

/** What the card shows. */
export type TelegramCardView =
  | 'loading'
  | 'error'
  | 'notConfigured'
  | 'notConnected'
  | 'linking'
  | 'connected'
  | 'blocked';

/** Clients link through `/api/telegram/client/...`, staff through `/api/telegram/user/...`; the calls are alike. */
const CLIENT_CALLS = {
  status: getClientTelegramStatus,
  link: generateClientLink,
  disconnect: disconnectClientTelegram,
} as const;
const STAFF_CALLS = {
  status: getStaffTelegramStatus,
  link: generateStaffLink,
  disconnect: disconnectStaffTelegram,
} as const;

/**
 * The signed-in person's link with the Telegram bot, for one card: the status, the one-time code while linking, the
 * countdown to its expiry and the polling that notices when the person pressed Start. Provided by the card, so the
 * timers live and die with it.
 */
@Injectable()
export class TelegramConnectionStore {
  private readonly api = inject(DeskgramApi);
  private readonly document = inject(DOCUMENT);
  private readonly calls = inject(AuthStore).role() === 'client' ? CLIENT_CALLS : STAFF_CALLS;

  private readonly statusValue = signal<TelegramStatusDto | null>(null);
  private readonly loadFailure = signal<unknown>(null);
  private readonly linkValue = signal<TelegramLinkDto | null>(null);
  private readonly now = signal(Date.now());
  private tickTimer: ReturnType<typeof setInterval> | undefined;
  private pollTimer: ReturnType<typeof setInterval> | undefined;
  private polling = false;

  readonly status = this.statusValue.asReadonly();
  readonly loadError = this.loadFailure.asReadonly();
  /** The code being shown, while linking. */
  readonly link = this.linkValue.asReadonly();
  /** The call under way, to disable its button. */
  readonly pending = signal<'link' | 'disconnect' | null>(null);
  /** Why the last request for a code failed (e.g. 503: the bot is unavailable), shown in the card. */
  readonly linkError = signal<unknown>(null);

  readonly view = computed<TelegramCardView>(() => {
    const status = this.statusValue();
    if (status === null) {
      return this.loadFailure() === null ? 'loading' : 'error';
    }
    if (!status.botConfigured) {
      return 'notConfigured';
    }
    if (this.linkValue() !== null) {
      return 'linking';
    }
    switch (status.state) {
      case 'connected':
        return 'connected';
      case 'blocked':
        return 'blocked';
      case 'not_connected':
        return 'notConnected';
    }
  });

  /** Whole seconds until the code expires; 0 once it has. */
  readonly secondsLeft = computed(() => {
    const link = this.linkValue();
    if (link === null) {
      return 0;
    }
    return Math.max(0, Math.ceil((Date.parse(link.expiresAt) - this.now()) / 1000));
  });
  readonly expired = computed(() => this.linkValue() !== null && this.secondsLeft() === 0);

  constructor() {
    const pollWhenBack = () => {
      if (this.document.visibilityState === 'visible' && this.pollTimer !== undefined) {
        void this.poll();
      }
    };
    this.document.addEventListener('visibilitychange', pollWhenBack);
    inject(DestroyRef).onDestroy(() => {
      this.stopTimers();
      this.document.removeEventListener('visibilitychange', pollWhenBack);
    });
    void this.load();
  }

  async load(): Promise<void> {
    this.loadFailure.set(null);
    this.statusValue.set(null);
    try {
      this.statusValue.set(await this.api.invoke(this.calls.status));
    } catch (error) {
      this.loadFailure.set(error);
    }
  }

  /** Asks for a one-time code (also for "New code" and "Connect again") and starts waiting for Start. */
  async connect(): Promise<void> {
    this.pending.set('link');
    this.linkError.set(null);
    try {
      const link = await this.api.invoke(this.calls.link);
      this.now.set(Date.now());
      this.linkValue.set(link);
      this.startTimers();
    } catch (error) {
      this.linkError.set(error);
    } finally {
      this.pending.set(null);
    }
  }

  /** Stops showing the code; it simply expires on the server. */
  cancel(): void {
    this.stopTimers();
    this.linkValue.set(null);
    this.linkError.set(null);
  }

  /** Unlinks the Telegram account; throws what the API said when that failed. */
  async disconnect(): Promise<void> {
    this.pending.set('disconnect');
    try {
      const status = await this.api.invoke(this.calls.disconnect);
      this.cancel();
      this.statusValue.set(status);
    } finally {
      this.pending.set(null);
    }
  }

  private startTimers(): void {
    this.stopTimers();
    this.tickTimer = setInterval(() => {
      this.now.set(Date.now());
      if (this.expired()) {
        // Nobody can press Start with an expired code any more, so there is nothing left to wait for.
        this.stopTimers();
      }
    }, 1000);
    this.pollTimer = setInterval(() => void this.poll(), TELEGRAM_STATUS_POLL_MS);
  }

  private stopTimers(): void {
    clearInterval(this.tickTimer);
    clearInterval(this.pollTimer);
    this.tickTimer = undefined;
    this.pollTimer = undefined;
  }

  private async poll(): Promise<void> {
    // A hidden tab need not ask; it asks again as soon as it is visible. One question at a time.
    if (this.polling || this.document.visibilityState === 'hidden') {
      return;
    }
    this.polling = true;
    try {
      const status = await this.api.invoke(this.calls.status);
      if (status.connected && this.linkValue() !== null) {
        this.cancel();
        this.statusValue.set(status);
      }
    } catch {
      // A failed question is asked again at the next interval; the code on screen stays valid meanwhile.
    } finally {
      this.polling = false;
    }
  }
}
