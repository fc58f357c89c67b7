import { BreakpointObserver } from '@angular/cdk/layout';
import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  DOCUMENT,
  effect,
  inject,
  Injector,
  signal,
} from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatButtonToggle, MatButtonToggleGroup } from '@angular/material/button-toggle';
import { MatFormField, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatOption, MatSelect } from '@angular/material/select';
import { Title } from '@angular/platform-browser';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { ChatPhone } from './chat-phone';
import { LanguageStore } from './language';
import {
  EVENT_SOURCE_FACTORY,
  type Language,
  SANDBOX_API,
  SandboxApi,
  type SandboxEvent,
  type SandboxState,
} from './sandbox-api';

/** How long a chat focused from a chip or from `?chat=` stays outlined. */
const HIGHLIGHT_MS = 1600;

/** The sandbox: every demo person's Telegram, side by side, live. */
@Component({
  selector: 'dg-sandbox',
  imports: [
    ChatPhone,
    MatButton,
    MatButtonToggle,
    MatButtonToggleGroup,
    MatFormField,
    MatIcon,
    MatLabel,
    MatOption,
    MatProgressSpinner,
    MatSelect,
    TranslocoDirective,
  ],
  templateUrl: './sandbox-page.html',
  styleUrl: './sandbox-page.scss',
  host: { '[class.narrow]': 'narrow()' },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class SandboxPage {
  private readonly api = inject(SandboxApi);
  private readonly document = inject(DOCUMENT);
  private readonly injector = inject(Injector);
  private readonly transloco = inject(TranslocoService);
  readonly languageStore = inject(LanguageStore);

  readonly state = signal<SandboxState | null>(null);
  readonly loadFailed = signal(false);
  readonly reconnecting = signal(false);
  /** Per chat, how many times the server said it changed: each bump makes that phone fetch its chat again. */
  readonly versions = signal<Readonly<Partial<Record<number, number>>>>({});
  readonly unread = signal<Readonly<Partial<Record<number, number>>>>({});
  readonly selected = signal<number | null>(null);
  readonly highlighted = signal<number | null>(null);

  /** Phone width: one chat at a time, with a selector. */
  readonly narrow = toSignal(
    inject(BreakpointObserver)
      .observe('(max-width: 599.98px)')
      .pipe(map((result) => result.matches)),
    { initialValue: false },
  );

  readonly selectedId = computed(() => {
    const people = this.state()?.people ?? [];
    const selected = this.selected();
    return people.some((person) => person.id === selected) ? selected : (people[0]?.id ?? null);
  });

  private readonly visible = new Set<number>();
  private highlightTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly requestedChat = Number(new URLSearchParams(this.document.location.search).get('chat')) || null;

  constructor() {
    const title = inject(Title);
    const language = toSignal(this.transloco.langChanges$);
    effect(() => {
      language();
      title.setTitle(this.transloco.translate('page.title'));
    });
    void this.loadState(true);
    this.listen();
    const onVisibility = () => {
      if (this.document.visibilityState === 'visible') for (const id of this.visible) this.markRead(id);
    };
    this.document.addEventListener('visibilitychange', onVisibility);
    inject(DestroyRef).onDestroy(() => {
      this.document.removeEventListener('visibilitychange', onVisibility);
      clearTimeout(this.highlightTimer);
    });
  }

  async loadState(first = false): Promise<void> {
    try {
      this.state.set(await this.api.state());
      this.loadFailed.set(false);
      if (first && this.requestedChat !== null) this.focus(this.requestedChat);
    } catch {
      // Later failures keep the phones shown; the banner speaks of the connection.
      if (this.state() === null) this.loadFailed.set(true);
    }
  }

  retry(): void {
    this.loadFailed.set(false);
    void this.loadState(true);
  }

  setLanguage(language: Language): void {
    this.languageStore.setLanguage(language);
  }

  /** Brings a chat forward: selects it on a phone, scrolls it into view and outlines it for a moment. */
  focus(id: number): void {
    if (!this.state()?.people.some((person) => person.id === id)) return;
    this.selected.set(id);
    this.markRead(id);
    this.highlighted.set(id);
    clearTimeout(this.highlightTimer);
    this.highlightTimer = setTimeout(() => this.highlighted.set(null), HIGHLIGHT_MS);
    // On a phone the chosen chat is the only one shown: nothing to scroll to.
    if (this.narrow()) return;
    afterNextRender(
      () =>
        this.document
          .getElementById(`phone-${id}`)
          ?.scrollIntoView({ behavior: 'smooth', block: 'nearest', inline: 'center' }),
      { injector: this.injector },
    );
  }

  onArrived(id: number, count: number): void {
    if (this.visible.has(id) && this.document.visibilityState !== 'hidden') return;
    this.unread.update((unread) => ({ ...unread, [id]: (unread[id] ?? 0) + count }));
  }

  onVisibleChange(id: number, visible: boolean): void {
    if (visible) {
      this.visible.add(id);
      this.markRead(id);
    } else {
      this.visible.delete(id);
    }
  }

  markRead(id: number): void {
    if (!this.unread()[id]) return;
    this.unread.update((unread) => {
      const rest = { ...unread };
      delete rest[id];
      return rest;
    });
  }

  private listen(): void {
    const source = inject(EVENT_SOURCE_FACTORY)(`${SANDBOX_API}/events`);
    if (!source) return;
    source.onmessage = (event: MessageEvent<string>) => this.onEvent(event.data);
    source.onerror = () => this.reconnecting.set(true);
    source.onopen = () => {
      if (!this.reconnecting()) return;
      // Whatever happened while the stream was down was missed: fetch everything again.
      this.reconnecting.set(false);
      void this.refreshAll();
    };
    inject(DestroyRef).onDestroy(() => source.close());
  }

  private onEvent(data: string): void {
    let event: SandboxEvent;
    try {
      event = JSON.parse(data) as SandboxEvent;
    } catch {
      return;
    }
    if ('chat' in event && typeof event.chat === 'number') {
      const id = event.chat;
      this.versions.update((versions) => ({ ...versions, [id]: (versions[id] ?? 0) + 1 }));
    } else if ('people' in event) {
      // A person's own chat carries their flags too (blocked, started): fetch those again with the list.
      void this.refreshAll();
    }
  }

  private async refreshAll(): Promise<void> {
    await this.loadState();
    this.versions.update((versions) => {
      const next: Partial<Record<number, number>> = { ...versions };
      for (const person of this.state()?.people ?? []) next[person.id] = (next[person.id] ?? 0) + 1;
      return next;
    });
  }
}
