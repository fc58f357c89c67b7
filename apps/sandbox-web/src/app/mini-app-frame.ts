import {
  ChangeDetectionStrategy,
  Component,
  computed,
  DestroyRef,
  type ElementRef,
  inject,
  input,
  output,
  signal,
  viewChild,
} from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatProgressSpinner } from '@angular/material/progress-spinner';
import { MatTooltip } from '@angular/material/tooltip';
import { DomSanitizer } from '@angular/platform-browser';
import { TranslocoDirective } from '@jsverse/transloco';

/** The Main button as the Mini App set it up (`web_app_setup_main_button`). */
export interface MainButtonState {
  visible: boolean;
  active: boolean;
  text: string;
  color?: string;
  textColor?: string;
  progress: boolean;
}

/** What a Mini App says to Telegram: `{ eventType, eventData }` as JSON, posted to the window around it. */
interface MiniAppEvent {
  eventType: string;
  eventData?: Record<string, unknown>;
}

const HIDDEN_MAIN_BUTTON: MainButtonState = { visible: false, active: false, text: '', progress: false };

/**
 * The portal opened as a Mini App inside a phone, with this page playing Telegram's web client around it: the
 * Mini App's calls arrive as posted messages (`web_app_setup_back_button`, `web_app_setup_main_button`, theme and
 * viewport requests, links, closing), and the Back button, the Main button and the theme are drawn here and answered
 * with Telegram's events (`back_button_pressed`, `main_button_pressed`, `theme_changed`, `viewport_changed`).
 */
@Component({
  selector: 'dg-mini-app-frame',
  imports: [MatIcon, MatIconButton, MatProgressSpinner, MatTooltip, TranslocoDirective],
  template: `
    <ng-container *transloco="let t">
      <header class="bar" [style.background]="headerColor()" [style.color]="theme()['text_color']">
        @if (backVisible()) {
          <button
            mat-icon-button
            type="button"
            [attr.aria-label]="t('miniApp.back')"
            (click)="send('back_button_pressed')"
          >
            <mat-icon svgIcon="arrow_back" />
          </button>
        } @else {
          <button mat-icon-button type="button" [attr.aria-label]="t('miniApp.close')" (click)="closed.emit()">
            <mat-icon svgIcon="close" />
          </button>
        }
        <span class="title">{{ title() }}</span>
        <span class="haptic" [class.on]="haptic()" [attr.aria-hidden]="true"></span>
        <button
          mat-icon-button
          type="button"
          [attr.aria-label]="t('miniApp.toggleTheme')"
          [matTooltip]="t('miniApp.toggleTheme')"
          (click)="toggleTheme.emit()"
        >
          <mat-icon svgIcon="contrast" />
        </button>
      </header>
      <iframe #frame class="app" [src]="safeUrl()" [title]="t('miniApp.frame')" (load)="onLoad()"></iframe>
      @if (mainButton().visible) {
        <button
          type="button"
          class="main-button"
          [disabled]="!mainButton().active || mainButton().progress"
          [style.background]="mainButton().color ?? theme()['button_color']"
          [style.color]="mainButton().textColor ?? theme()['button_text_color']"
          (click)="send('main_button_pressed')"
        >
          @if (mainButton().progress) {
            <mat-progress-spinner mode="indeterminate" diameter="20" [attr.aria-label]="t('common.loading')" />
          } @else {
            {{ mainButton().text }}
          }
        </button>
      }
    </ng-container>
  `,
  styles: `
    :host {
      position: absolute;
      inset: 0;
      z-index: 5;
      display: flex;
      flex-direction: column;
      background: #fff;
    }
    .bar {
      display: flex;
      align-items: center;
      gap: 4px;
      padding: 6px 4px;
      border-bottom: 1px solid rgb(0 0 0 / 0.08);
    }
    .title {
      flex: 1;
      font-weight: 600;
    }
    .haptic {
      width: 8px;
      height: 8px;
      border-radius: 50%;
      background: transparent;
      transition: background 150ms;
    }
    .haptic.on {
      background: #f5a623;
    }
    .app {
      flex: 1;
      width: 100%;
      border: 0;
    }
    .main-button {
      display: grid;
      place-items: center;
      height: 48px;
      margin: 8px;
      border: 0;
      border-radius: 10px;
      font: inherit;
      font-weight: 600;
      cursor: pointer;
    }
    .main-button:disabled {
      opacity: 0.55;
      cursor: default;
    }
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class MiniAppFrame {
  readonly url = input.required<string>();
  readonly theme = input.required<Record<string, string>>();
  readonly title = input.required<string>();

  readonly closed = output<void>();
  readonly toggleTheme = output<void>();

  private readonly frame = viewChild.required<ElementRef<HTMLIFrameElement>>('frame');
  private readonly sanitizer = inject(DomSanitizer);

  readonly backVisible = signal(false);
  readonly mainButton = signal<MainButtonState>(HIDDEN_MAIN_BUTTON);
  readonly haptic = signal(false);
  private readonly headerOverride = signal<string | null>(null);

  // The address comes from the sandbox's own server and is the portal on this origin.
  readonly safeUrl = computed(() => this.sanitizer.bypassSecurityTrustResourceUrl(this.url()));
  readonly headerColor = computed(() => this.headerOverride() ?? this.theme()['header_bg_color'] ?? '#fff');

  constructor() {
    const listener = (event: MessageEvent) => this.receive(event);
    window.addEventListener('message', listener);
    inject(DestroyRef).onDestroy(() => window.removeEventListener('message', listener));
  }

  onLoad(): void {
    // A new page in the frame starts without buttons, as in Telegram.
    this.backVisible.set(false);
    this.mainButton.set(HIDDEN_MAIN_BUTTON);
  }

  /** Telegram's event to the Mini App. */
  send(eventType: string, eventData?: unknown): void {
    this.frame().nativeElement.contentWindow?.postMessage(JSON.stringify({ eventType, eventData }), location.origin);
  }

  /** Tells the Mini App its new colours, as Telegram does when the user switches theme. */
  sendTheme(theme: Record<string, string>): void {
    this.send('theme_changed', { theme_params: theme });
  }

  private receive(event: MessageEvent): void {
    if (event.source !== this.frame().nativeElement.contentWindow || event.origin !== location.origin) return;
    let message: MiniAppEvent;
    try {
      message = JSON.parse(String(event.data)) as MiniAppEvent;
    } catch {
      return;
    }
    const data = message.eventData ?? {};
    switch (message.eventType) {
      case 'web_app_setup_back_button':
        this.backVisible.set(data['is_visible'] === true);
        break;
      case 'web_app_setup_main_button':
        this.mainButton.set({
          visible: data['is_visible'] === true,
          active: data['is_active'] !== false,
          text: String(data['text'] ?? ''),
          color: typeof data['color'] === 'string' ? data['color'] : undefined,
          textColor: typeof data['text_color'] === 'string' ? data['text_color'] : undefined,
          progress: data['is_progress_visible'] === true,
        });
        break;
      case 'web_app_set_header_color':
        this.headerOverride.set(typeof data['color'] === 'string' ? data['color'] : null);
        break;
      case 'web_app_request_theme':
        this.sendTheme(this.theme());
        break;
      case 'web_app_request_viewport': {
        const frame = this.frame().nativeElement;
        this.send('viewport_changed', {
          height: frame.clientHeight,
          width: frame.clientWidth,
          is_expanded: true,
          is_state_stable: true,
        });
        break;
      }
      case 'web_app_request_safe_area':
        this.send('safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 });
        break;
      case 'web_app_request_content_safe_area':
        this.send('content_safe_area_changed', { top: 0, bottom: 0, left: 0, right: 0 });
        break;
      case 'web_app_trigger_haptic_feedback':
        this.haptic.set(true);
        setTimeout(() => this.haptic.set(false), 300);
        break;
      case 'web_app_open_link':
      case 'web_app_open_tg_link': {
        const url = String(data['url'] ?? (data['path_full'] ? `https://t.me${String(data['path_full'])}` : ''));
        if (/^https?:\/\//.test(url) || url.startsWith('/')) window.open(url, '_blank', 'noopener');
        break;
      }
      case 'web_app_close':
        this.closed.emit();
        break;
      default:
        // web_app_ready, web_app_expand and the rest change nothing that a sandbox shows.
        break;
    }
  }
}
