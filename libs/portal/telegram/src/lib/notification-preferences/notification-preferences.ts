import { ChangeDetectionStrategy, Component, computed, inject, signal } from '@angular/core';
import { MatButton } from '@angular/material/button';
import { MatCard, MatCardContent } from '@angular/material/card';
import { MatIcon } from '@angular/material/icon';
import { MatSlideToggle } from '@angular/material/slide-toggle';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  DeskgramApi,
  getPreferences,
  type NotificationKind,
  type PreferenceDto,
  updatePreferences,
} from '@deskgram/api-client';
import { AuthStore } from '@deskgram/portal/auth';
import { apiErrorText } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';

type View = 'loading' | 'error' | 'ready';
type Audience = 'client' | 'staff';

/**
 * The switches each side has, in the order they are shown: the API sends only the kinds of the person's role, and
 * the texts (`notifications.kinds.<audience>.<kind>`) say what each kind means for that side.
 */
const KINDS: Readonly<Record<Audience, readonly NotificationKind[]>> = {
  client: [
    'ticket_reply',
    'ticket_status',
    'ticket_created',
    'invoice_issued',
    'invoice_overdue',
    'invoice_paid',
    'custom_message',
  ],
  staff: ['ticket_created', 'ticket_reply', 'ticket_assigned'],
};

/**
 * The profile's notification preferences: one switch per kind of Telegram notification, each saved as soon as it
 * is flipped. The switch moves at once and moves back, with a snack bar, when the API refuses.
 */
@Component({
  selector: 'dg-notification-preferences',
  imports: [MatButton, MatCard, MatCardContent, MatIcon, MatSlideToggle, TranslocoDirective],
  templateUrl: './notification-preferences.html',
  styleUrl: './notification-preferences.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class NotificationPreferences {
  private readonly api = inject(DeskgramApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);

  private readonly items = signal<readonly PreferenceDto[] | null>(null);
  private readonly loadFailed = signal(false);

  protected readonly audience: Audience = inject(AuthStore).role() === 'client' ? 'client' : 'staff';
  /** The kinds being saved; each switch waits for its own answer before it can be flipped again. */
  protected readonly saving = signal<ReadonlySet<NotificationKind>>(new Set());
  protected readonly view = computed<View>(() => {
    if (this.items() !== null) {
      return 'ready';
    }
    return this.loadFailed() ? 'error' : 'loading';
  });
  /** The switches to show: the side's kinds the API knows, in the side's order. */
  protected readonly rows = computed(() => {
    const enabled = new Map((this.items() ?? []).map((item) => [item.kind, item.enabled]));
    return KINDS[this.audience]
      .filter((kind) => enabled.has(kind))
      .map((kind) => ({ kind, enabled: enabled.get(kind) === true }));
  });

  constructor() {
    void this.load();
  }

  async load(): Promise<void> {
    this.loadFailed.set(false);
    this.items.set(null);
    try {
      this.items.set((await this.api.invoke(getPreferences)).items);
    } catch {
      this.loadFailed.set(true);
    }
  }

  protected async toggle(kind: NotificationKind, enabled: boolean): Promise<void> {
    const label = this.transloco.translate(`notifications.kinds.${this.audience}.${kind}.label`);
    this.set(kind, enabled);
    this.saving.update((kinds) => new Set(kinds).add(kind));
    try {
      // Only the switch that moved: another one being saved at the same time keeps what the person chose.
      const saved = await this.api.invoke(updatePreferences, { body: { items: [{ kind, enabled }] } });
      const confirmed = saved.items.find((item) => item.kind === kind)?.enabled ?? enabled;
      this.set(kind, confirmed);
      this.snackBar.open(
        this.transloco.translate(confirmed ? 'notifications.turnedOn' : 'notifications.turnedOff', { kind: label }),
        undefined,
        { duration: 3000 },
      );
    } catch (error) {
      this.set(kind, !enabled);
      this.snackBar.open(
        this.transloco.translate('notifications.saveFailed', {
          kind: label,
          reason: apiErrorText(error, this.transloco),
        }),
        this.transloco.translate('common.dismiss'),
        { duration: 8000 },
      );
    } finally {
      this.saving.update((kinds) => {
        const rest = new Set(kinds);
        rest.delete(kind);
        return rest;
      });
    }
  }

  private set(kind: NotificationKind, enabled: boolean): void {
    this.items.update((items) => items?.map((item) => (item.kind === kind ? { ...item, enabled } : item)) ?? null);
  }
}
