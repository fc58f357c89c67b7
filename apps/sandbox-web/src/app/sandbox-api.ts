import { HttpClient, HttpErrorResponse, HttpParams } from '@angular/common/http';
import { inject, Injectable, InjectionToken } from '@angular/core';
import { firstValueFrom } from 'rxjs';

/** Where the sandbox's server answers; the page is served by the same server, at /sandbox/. */
export const SANDBOX_API = '/sandbox/api';

export type Role = 'admin' | 'agent' | 'client';
export type Language = 'en' | 'ru';

/** A demo person: their phone is one chat of the page. */
export interface Person {
  id: number;
  name: string;
  email: string | null;
  role: Role | null;
  company: string | null;
  language: Language;
  /** The person has blocked the bot. */
  blocked: boolean;
  /** The person has pressed Start in the bot's chat. */
  started: boolean;
}

export interface Bot {
  username: string;
  firstName: string;
}

export interface SandboxState {
  bot: Bot;
  people: Person[];
}

/** Telegram's MessageEntity; offsets and lengths count UTF-16 code units, as JavaScript string indices do. */
export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  language?: string;
}

export interface KeyboardButton {
  text: string;
  data?: string;
  url?: string;
  /** A `web_app` button: the portal as a Mini App at this address. */
  webApp?: string;
}

export type MiniAppTheme = 'light' | 'dark';

/** The portal as a Mini App for one person: its address with the launch parameters, and Telegram's colours. */
export interface MiniAppLaunch {
  url: string;
  themeParams: Record<string, string>;
}

export interface ChatFile {
  id: string;
  kind: 'photo' | 'document';
  name?: string;
  mimeType?: string;
  size?: number;
  url: string;
}

export type Sender = 'bot' | 'person';

export interface ChatMessage {
  id: number;
  from: Sender;
  /** ISO 8601. */
  time: string;
  /** The visible text; a file's caption. */
  text: string;
  entities: MessageEntity[];
  replyTo?: { id: number; from: Sender; text: string };
  /** Inline keyboard rows. */
  buttons?: KeyboardButton[][];
  file?: ChatFile;
  edited: boolean;
  reactions: string[];
}

export interface Chat {
  person: Person;
  /** Oldest first. */
  messages: ChatMessage[];
}

export interface CallbackAnswer {
  text?: string;
  showAlert: boolean;
}

/** What the server pushes on /events: a chat changed, or the list of people did. */
export type SandboxEvent = { chat: number } | { people: true };

/** Opens the server's event stream; replaced in tests, where there is no EventSource. */
export const EVENT_SOURCE_FACTORY = new InjectionToken<(url: string) => EventSource | null>('EVENT_SOURCE_FACTORY', {
  providedIn: 'root',
  factory: () => (url: string) => (typeof EventSource === 'undefined' ? null : new EventSource(url)),
});

/** The sandbox server's JSON API. Every method rejects with the server's answer on failure; see {@link errorMessage}. */
@Injectable({ providedIn: 'root' })
export class SandboxApi {
  private readonly http = inject(HttpClient);

  state(): Promise<SandboxState> {
    return firstValueFrom(this.http.get<SandboxState>(`${SANDBOX_API}/state`));
  }

  chat(personId: number): Promise<Chat> {
    return firstValueFrom(this.http.get<Chat>(this.chatUrl(personId)));
  }

  async sendText(personId: number, text: string, replyTo?: number): Promise<void> {
    const body = replyTo === undefined ? { text } : { text, replyTo };
    await firstValueFrom(this.http.post(`${this.chatUrl(personId)}/messages`, body));
  }

  /** Sends a file as the person: images as photos, anything else as a document; the caption may be empty. */
  async sendFile(personId: number, file: File, caption: string, replyTo?: number): Promise<void> {
    let params = new HttpParams().set('name', file.name).set('kind', fileKind(file));
    if (file.type) params = params.set('type', file.type);
    if (caption) params = params.set('caption', caption);
    if (replyTo !== undefined) params = params.set('replyTo', replyTo);
    // The bytes as they are, whatever the file: its type travels in `type`, so that no body parser takes a JSON
    // file for a request.
    await firstValueFrom(
      this.http.post(`${this.chatUrl(personId)}/files`, file, {
        params,
        headers: { 'Content-Type': 'application/octet-stream' },
      }),
    );
  }

  /** Presses an inline button; resolves with the bot's answer to the callback, if it gave one. */
  async pressButton(personId: number, messageId: number, data: string): Promise<CallbackAnswer | null> {
    const response = await firstValueFrom(
      this.http.post<{ answer: CallbackAnswer | null }>(`${this.chatUrl(personId)}/buttons`, { messageId, data }),
    );
    return response.answer;
  }

  /** Where the portal opens as a Mini App for the person, signed for them as Telegram would. */
  miniApp(personId: number, theme: MiniAppTheme, startParam?: string): Promise<MiniAppLaunch> {
    const body = startParam ? { theme, startParam } : { theme };
    return firstValueFrom(this.http.post<MiniAppLaunch>(`${this.chatUrl(personId)}/mini-app`, body));
  }

  async start(personId: number): Promise<void> {
    await firstValueFrom(this.http.post(`${this.chatUrl(personId)}/start`, {}));
  }

  async setBlocked(personId: number, blocked: boolean): Promise<void> {
    await firstValueFrom(this.http.post(`${this.chatUrl(personId)}/blocked`, { blocked }));
  }

  private chatUrl(personId: number): string {
    return `${SANDBOX_API}/chats/${personId}`;
  }
}

/** Telegram shows images sent "as a photo" inline; anything else travels as a document. */
export function fileKind(file: File): 'photo' | 'document' {
  return file.type.startsWith('image/') && file.type !== 'image/svg+xml' ? 'photo' : 'document';
}

/**
 * The message of a failed call for a snack bar: the server's own `message` for its 4xx answers, or null when there is
 * nothing better to say than the caller's generic text (server unreachable, a 5xx).
 */
export function errorMessage(error: unknown): string | null {
  if (!(error instanceof HttpErrorResponse) || error.status === 0 || error.status >= 500) return null;
  const body: unknown = error.error;
  if (body && typeof body === 'object' && 'message' in body) {
    const message = body.message;
    if (typeof message === 'string') return message;
    if (Array.isArray(message)) return message.join('; ');
  }
  return null;
}

export function isUnreachable(error: unknown): boolean {
  return error instanceof HttpErrorResponse && error.status === 0;
}
