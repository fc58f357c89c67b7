import {
  afterNextRender,
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  effect,
  ElementRef,
  inject,
  Injector,
  input,
  output,
  signal,
  untracked,
  viewChild,
} from '@angular/core';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { AlertDialog } from './alert-dialog';
import { MessageBubble } from './message-bubble';
import { MiniAppFrame } from './mini-app-frame';
import {
  type Bot,
  type Chat,
  type ChatMessage,
  errorMessage,
  isUnreachable,
  type KeyboardButton,
  type MiniAppLaunch,
  type MiniAppTheme,
  type Person,
  SandboxApi,
} from './sandbox-api';

/** A pixel or two of slack: a chat scrolled to within this of its end counts as "at the bottom". */
const BOTTOM_SLACK = 24;

/** One demo person's phone: their chat with the bot, as Telegram shows it, and what they can do in it. */
@Component({
  selector: 'dg-chat-phone',
  imports: [
    MatButton,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatProgressBar,
    MatProgressSpinner,
    MatTooltip,
    MessageBubble,
    MiniAppFrame,
    TranslocoDirective,
  ],
  templateUrl: './chat-phone.html',
  styleUrl: './chat-phone.scss',
  host: {
    '[attr.aria-label]': 'current().name',
    role: 'region',
    '[class.highlighted]': 'highlighted()',
  },
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ChatPhone {
  readonly person = input.required<Person>();
  readonly bot = input.required<Bot>();
  /** Bumped by the page each time the server says this chat changed. */
  readonly version = input(0);
  readonly highlighted = input(false);

  /** New messages from the bot arrived (their number). */
  readonly arrived = output<number>();
  /** The phone came into view or left it. */
  readonly visibleChange = output<boolean>();

  private readonly api = inject(SandboxApi);
  private readonly snackBar = inject(MatSnackBar);
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);
  private readonly injector = inject(Injector);
  private readonly host = inject<ElementRef<HTMLElement>>(ElementRef).nativeElement;

  private readonly scroller = viewChild<ElementRef<HTMLElement>>('scroller');
  private readonly textField = viewChild<ElementRef<HTMLTextAreaElement>>('textField');

  readonly chat = signal<Chat | null>(null);
  readonly loadFailed = signal(false);
  readonly busy = signal(false);
  readonly replyTo = signal<ChatMessage | null>(null);
  readonly draft = signal('');
  /** The portal open as a Mini App in this phone, with its theme. */
  readonly miniApp = signal<(MiniAppLaunch & { theme: MiniAppTheme }) | null>(null);
  private readonly miniAppFrame = viewChild(MiniAppFrame);

  /** The freshest word on the person: the chat's own answer, or the page's list until it comes. */
  readonly current = computed(() => this.chat()?.person ?? this.person());
  readonly initials = computed(() =>
    this.current()
      .name.split(/\s+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((word) => String.fromCodePoint(word.codePointAt(0) ?? 32).toUpperCase())
      .join(''),
  );
  /** One of Telegram's seven avatar colours, fixed per person. */
  readonly avatarColor = computed(() => `avatar-${this.current().id % 7}`);

  private loads = 0;
  private atBottom = true;

  constructor() {
    effect(() => {
      this.version();
      untracked(() => void this.load());
    });
    afterNextRender(() => this.observeVisibility());
  }

  async load(): Promise<void> {
    const load = ++this.loads;
    const id = this.person().id;
    try {
      const chat = await this.api.chat(id);
      if (load !== this.loads) return;
      const previous = this.chat();
      const stickToBottom = previous === null || this.atBottom;
      this.chat.set(chat);
      this.loadFailed.set(false);
      if (previous) {
        const known = new Set(previous.messages.map((message) => message.id));
        const fresh = chat.messages.filter((message) => message.from === 'bot' && !known.has(message.id)).length;
        if (fresh > 0) this.arrived.emit(fresh);
      }
      if (stickToBottom) afterNextRender(() => this.scrollToBottom(), { injector: this.injector });
    } catch (error) {
      if (load !== this.loads) return;
      // A chat already shown stays; the page's banner tells about a lost connection.
      if (this.chat() === null) this.loadFailed.set(true);
      else if (!isUnreachable(error)) this.showError(error);
    }
  }

  retry(): void {
    this.loadFailed.set(false);
    this.chat.set(null);
    void this.load();
  }

  onScroll(): void {
    const element = this.scroller()?.nativeElement;
    if (element) this.atBottom = element.scrollHeight - element.scrollTop - element.clientHeight <= BOTTOM_SLACK;
  }

  /** A photo that loads after the chat was scrolled to its end pushes the end down: follow it. */
  onMediaLoad(): void {
    if (this.atBottom) this.scrollToBottom();
  }

  startReply(message: ChatMessage): void {
    this.replyTo.set(message);
    this.textField()?.nativeElement.focus();
  }

  onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  }

  async send(): Promise<void> {
    const text = this.draft().trim();
    if (!text || this.busy()) return;
    await this.act(async () => {
      await this.api.sendText(this.person().id, text, this.replyTo()?.id);
      this.draft.set('');
      this.replyTo.set(null);
      this.atBottom = true;
    });
  }

  async sendFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    input.value = '';
    if (!file || this.busy()) return;
    await this.act(async () => {
      await this.api.sendFile(this.person().id, file, this.draft().trim(), this.replyTo()?.id);
      this.draft.set('');
      this.replyTo.set(null);
      this.atBottom = true;
    });
  }

  /** Opens the portal as a Mini App, as the bot's menu button or an Open button does in Telegram. */
  async openMiniApp(startParam?: string, theme: MiniAppTheme = 'light'): Promise<void> {
    if (this.busy()) return;
    this.busy.set(true);
    try {
      const launch = await this.api.miniApp(this.person().id, theme, startParam);
      this.miniApp.set({ ...launch, theme });
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy.set(false);
    }
  }

  /** Light to dark and back, told to the open Mini App the way Telegram tells it: `theme_changed`. */
  async toggleMiniAppTheme(): Promise<void> {
    const open = this.miniApp();
    if (!open) return;
    const theme: MiniAppTheme = open.theme === 'light' ? 'dark' : 'light';
    try {
      const { themeParams } = await this.api.miniApp(this.person().id, theme);
      this.miniApp.set({ ...open, theme, themeParams });
      this.miniAppFrame()?.sendTheme(themeParams);
    } catch (error) {
      this.showError(error);
    }
  }

  async press(message: ChatMessage, button: KeyboardButton): Promise<void> {
    if (button.webApp !== undefined) {
      const startParam = new URL(button.webApp, location.origin).searchParams.get('startapp') ?? undefined;
      await this.openMiniApp(startParam);
      return;
    }
    if (button.data === undefined || this.busy()) return;
    const data = button.data;
    await this.act(async () => {
      const answer = await this.api.pressButton(this.person().id, message.id, data);
      if (answer?.text) {
        if (answer.showAlert) this.dialog.open(AlertDialog, { data: { text: answer.text }, width: '320px' });
        else this.snackBar.open(answer.text, undefined, { duration: 3000 });
      }
    });
  }

  async start(): Promise<void> {
    await this.act(() => this.api.start(this.person().id));
  }

  async setBlocked(blocked: boolean): Promise<void> {
    await this.act(() => this.api.setBlocked(this.person().id, blocked));
  }

  /** Runs one action of the person, one at a time, then shows the chat as it now is. */
  private async act(action: () => Promise<void>): Promise<void> {
    this.busy.set(true);
    try {
      await action();
    } catch (error) {
      this.showError(error);
      return;
    } finally {
      this.busy.set(false);
    }
    await this.load();
  }

  private showError(error: unknown): void {
    const message =
      errorMessage(error) ??
      this.transloco.translate<string>(isUnreachable(error) ? 'errors.unreachable' : 'errors.unexpected');
    this.snackBar.open(message, this.transloco.translate('common.ok'), { duration: 6000 });
  }

  private scrollToBottom(): void {
    const element = this.scroller()?.nativeElement;
    if (!element) return;
    element.scrollTop = element.scrollHeight;
    this.atBottom = true;
  }

  private observeVisibility(): void {
    if (typeof IntersectionObserver === 'undefined') {
      this.visibleChange.emit(true);
      return;
    }
    const observer = new IntersectionObserver(
      ([entry]) => this.visibleChange.emit(entry.isIntersecting && entry.intersectionRatio >= 0.5),
      { threshold: [0, 0.5, 1] },
    );
    observer.observe(this.host);
    this.injector.get(DestroyRef).onDestroy(() => observer.disconnect());
  }
}
