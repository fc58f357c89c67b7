import {
  type Message,
  type MessageEntity,
  type SentMessage,
  type TelegramBotApiDouble,
  type TelegramPerson,
  type Update,
} from '@deskgram/testing/telegram-bot-api';
import { sign } from '@telegram-apps/init-data-node';
import { EventEmitter } from 'node:events';

/** A person of the sandbox: the Telegram side of a portal account (or of nobody, for a chat opened by hand). */
export interface SandboxPersonInfo {
  name: string;
  email: string | null;
  role: 'admin' | 'agent' | 'client' | null;
  company: string | null;
  language: 'en' | 'ru';
  /** The portal account this person stands for. */
  userId: string | null;
}

export interface PersonView extends Omit<SandboxPersonInfo, 'userId'> {
  id: number;
  blocked: boolean;
  started: boolean;
}

export interface ButtonView {
  text: string;
  data?: string;
  url?: string;
  /** A `web_app` button's address: the portal as a Mini App. */
  webApp?: string;
}

export interface FileView {
  id: string;
  kind: 'photo' | 'document';
  name?: string;
  mimeType?: string;
  size?: number;
  url: string;
}

/** One message of a chat as the sandbox page shows it: the text with Telegram's entities, not HTML. */
export interface MessageView {
  id: number;
  from: 'bot' | 'person';
  time: string;
  text: string;
  entities: MessageEntity[];
  replyTo?: { id: number; from: 'bot' | 'person'; text: string };
  buttons?: ButtonView[][];
  file?: FileView;
  edited: boolean;
  reactions: string[];
}

export type SandboxChange = { chat: number } | { people: true };

/** What a person sends from the sandbox page. */
export interface OutgoingFile {
  kind: 'photo' | 'document';
  name: string;
  mimeType: string;
  content: Buffer;
  caption?: string;
  replyTo?: number;
}

/** A mistake of the page's user (an unknown chat, a message that cannot be answered): a 4xx, never a 500. */
export class SandboxError extends Error {
  constructor(
    readonly status: 400 | 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

interface PersonState {
  person: TelegramPerson;
  info: SandboxPersonInfo;
  started: boolean;
  /** What the person wrote, latest version; the bot's messages are the double's. */
  written: Message[];
}

/** Telegram's own colours of a Mini App, as its clients pass them in `tgWebAppThemeParams`. */
export const MINI_APP_THEMES = {
  light: {
    bg_color: '#ffffff',
    text_color: '#000000',
    hint_color: '#999999',
    link_color: '#2481cc',
    button_color: '#2481cc',
    button_text_color: '#ffffff',
    secondary_bg_color: '#efeff3',
    header_bg_color: '#ffffff',
    bottom_bar_bg_color: '#ffffff',
    accent_text_color: '#2481cc',
    section_bg_color: '#ffffff',
    section_header_text_color: '#6d6d72',
    section_separator_color: '#e7e7e7',
    subtitle_text_color: '#999999',
    destructive_text_color: '#ff3b30',
  },
  dark: {
    bg_color: '#212121',
    text_color: '#ffffff',
    hint_color: '#aaaaaa',
    link_color: '#8774e1',
    button_color: '#8774e1',
    button_text_color: '#ffffff',
    secondary_bg_color: '#181818',
    header_bg_color: '#212121',
    bottom_bar_bg_color: '#212121',
    accent_text_color: '#8774e1',
    section_bg_color: '#212121',
    section_header_text_color: '#8774e1',
    section_separator_color: '#000000',
    subtitle_text_color: '#aaaaaa',
    destructive_text_color: '#ff595a',
  },
} as const;

/** Private chat ids of the sandbox's people, from here up; Telegram's are positive too. */
const FIRST_PERSON_ID = 7_100_000_001;

/**
 * The sandbox's people and their chats with the bot, over the Bot API double that plays Telegram: who stands for
 * which portal account, what each chat holds (the bot's messages from the double, the person's own from here), what
 * a person does (write, reply, send a file, press a button or Start, block the bot), and a change event per chat
 * for the page to refresh.
 */
export class SandboxTelegram {
  private readonly people = new Map<number, PersonState>();
  private readonly events = new EventEmitter();
  private nextId = FIRST_PERSON_ID;

  constructor(private readonly double: TelegramBotApiDouble) {
    this.events.setMaxListeners(0);
    // Every accepted Bot API call that names a chat changed that chat (sent, edited, deleted, reacted to).
    double.on('call', (call) => {
      const chatId = Number(call.params['chat_id']);
      if (call.ok && this.people.has(chatId)) this.emit({ chat: chatId });
    });
  }

  get bot(): { username: string; firstName: string } {
    return { username: this.double.botUsername, firstName: this.double.botFirstName };
  }

  /** Adds a person who has not opened the chat with the bot yet. */
  addPerson(info: SandboxPersonInfo): PersonView {
    const id = this.nextId++;
    const [firstName, ...rest] = info.name.split(' ');
    const person = this.double.person({
      id,
      firstName: firstName || info.name,
      lastName: rest.length ? rest.join(' ') : undefined,
      languageCode: info.language,
      hasStartedBot: false,
    });
    this.people.set(id, { person, info, started: false, written: [] });
    this.emit({ people: true });
    return this.view(this.people.get(id) as PersonState);
  }

  /** The person standing for that portal account, if any. */
  personOf(userId: string): PersonView | undefined {
    const state = [...this.people.values()].find((candidate) => candidate.info.userId === userId);
    return state && this.view(state);
  }

  list(): PersonView[] {
    return [...this.people.values()].map((state) => this.view(state));
  }

  chat(id: number): { person: PersonView; messages: MessageView[] } {
    const state = this.state(id);
    const bot: MessageView[] = this.double
      .sentTo(id)
      .filter((sent) => !sent.deleted)
      .map((sent) => this.botMessage(sent));
    const own: MessageView[] = state.written.map((message) => this.personMessage(state, message));
    const messages = [...bot, ...own].sort((a, b) => a.id - b.id);
    const byId = new Map(messages.map((message) => [message.id, message]));
    for (const message of messages) {
      if (message.replyTo) message.replyTo.text = byId.get(message.replyTo.id)?.text ?? message.replyTo.text;
    }
    return { person: this.view(state), messages };
  }

  /** The person presses Start, with a link's payload when they came by one. */
  async pressStart(id: number, payload?: string, options: { waitUntilHandled?: boolean } = {}): Promise<Update> {
    const state = this.state(id);
    // Telegram's Restart of a blocked bot unblocks it first.
    if (this.double.isBlocked(id)) await this.double.unblockBot(id);
    const update = await this.double.pressStart(id, payload);
    state.started = true;
    this.remember(state, update);
    if (options.waitUntilHandled) await this.double.waitUntilHandled(update, 60_000);
    return update;
  }

  async sendText(id: number, text: string, replyTo?: number): Promise<Update> {
    const state = this.writable(id);
    if (text.trim() === '') throw new SandboxError(400, 'Write something first: the message is empty');
    if (text.length > 4096) throw new SandboxError(400, 'Telegram takes messages of up to 4096 characters');
    const update =
      replyTo === undefined
        ? await this.double.sendText(id, text)
        : await this.double.replyTo(id, this.botMessageToAnswer(id, replyTo), text);
    this.remember(state, update);
    return update;
  }

  async sendFile(id: number, file: OutgoingFile): Promise<Update> {
    const state = this.writable(id);
    const replyTo = file.replyTo === undefined ? undefined : this.botMessageToAnswer(id, file.replyTo);
    if (file.caption !== undefined && file.caption.length > 1024) {
      throw new SandboxError(400, 'Telegram takes captions of up to 1024 characters');
    }
    let update: Update;
    try {
      update =
        file.kind === 'photo'
          ? await this.double.sendPhoto(id, { content: file.content, caption: file.caption, replyTo })
          : await this.double.sendDocument(id, {
              fileName: file.name,
              mimeType: file.mimeType,
              content: file.content,
              caption: file.caption,
              replyTo,
            });
    } catch (error) {
      // The double refuses what Telegram would (a photo that is no picture, an empty name): the sender's mistake.
      throw new SandboxError(400, error instanceof Error ? error.message : String(error));
    }
    this.remember(state, update);
    return update;
  }

  /** Presses an inline button of a bot message and waits for the bot's answer (null when it gives none in time). */
  async pressButton(
    id: number,
    messageId: number,
    data: string,
  ): Promise<{ text?: string; showAlert: boolean } | null> {
    this.writable(id);
    const message = this.sentByBot(id, messageId);
    if (!message) throw new SandboxError(404, `The bot sent no message #${messageId} to this chat`);
    let update: Update;
    try {
      update = await this.double.pressButton(id, data, { message });
    } catch {
      throw new SandboxError(409, 'That button is no longer on the message');
    }
    try {
      const answer = await this.double.waitForCallbackAnswer(update);
      return { text: answer.text, showAlert: answer.showAlert };
    } catch {
      return null;
    }
  }

  async setBlocked(id: number, blocked: boolean): Promise<void> {
    this.state(id);
    if (this.double.isBlocked(id) === blocked) return;
    await (blocked ? this.double.blockBot(id) : this.double.unblockBot(id));
    this.emit({ chat: id });
  }

  /**
   * Where the portal opens as a Mini App for this person, the way Telegram opens it: the launch parameters in the
   * address's fragment, with init data signed by the bot's token for this person (and the start parameter, e.g.
   * `ticket-T-1042`), and Telegram's colours.
   */
  miniAppUrl(id: number, options: { startParam?: string; theme?: 'light' | 'dark' } = {}): string {
    const { person } = this.writable(id);
    if (options.startParam !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(options.startParam)) {
      throw new SandboxError(400, 'A start parameter is 1-64 of A-Z a-z 0-9 _ -');
    }
    const user = {
      id: person.id,
      first_name: person.firstName,
      ...(person.lastName ? { last_name: person.lastName } : {}),
      ...(person.languageCode ? { language_code: person.languageCode } : {}),
      allows_write_to_pm: true,
    };
    const initData = sign(
      { user, ...(options.startParam ? { start_param: options.startParam } : {}) },
      this.double.token,
      new Date(),
    );
    const launch = new URLSearchParams({
      tgWebAppData: initData,
      tgWebAppVersion: '8.0',
      tgWebAppPlatform: 'weba',
      tgWebAppThemeParams: JSON.stringify(MINI_APP_THEMES[options.theme ?? 'light']),
      ...(options.startParam ? { tgWebAppStartParam: options.startParam } : {}),
    });
    const query = options.startParam ? `?startapp=${options.startParam}` : '';
    return `/${query}#${launch.toString()}`;
  }

  /** A file a person or the bot sent, with its bytes when Telegram has them. */
  file(fileId: string): { content?: Buffer; mimeType?: string; name?: string } | undefined {
    const file = this.double.file(fileId);
    return file && { content: file.content, mimeType: file.mimeType, name: file.fileName };
  }

  onChange(listener: (change: SandboxChange) => void): () => void {
    this.events.on('change', listener);
    return () => this.events.off('change', listener);
  }

  private emit(change: SandboxChange): void {
    this.events.emit('change', change);
  }

  private remember(state: PersonState, update: Update): void {
    if (update.message) state.written.push(update.message);
    this.emit({ chat: state.person.chatId });
  }

  private state(id: number): PersonState {
    const state = this.people.get(id);
    if (!state) throw new SandboxError(404, `The sandbox has no chat ${id}`);
    return state;
  }

  /** Telegram offers no composer to someone who blocks the bot or has not pressed Start. */
  private writable(id: number): PersonState {
    const state = this.state(id);
    if (this.double.isBlocked(id)) throw new SandboxError(409, 'This person blocks the bot: unblock it first');
    if (!state.started) throw new SandboxError(409, 'This person has not pressed Start yet');
    return state;
  }

  /** A message of the bot in this chat that is still there. */
  private sentByBot(id: number, messageId: number): SentMessage | undefined {
    return this.double.sentTo(id).find((sent) => sent.messageId === messageId && !sent.deleted);
  }

  private botMessageToAnswer(id: number, messageId: number): SentMessage {
    const message = this.sentByBot(id, messageId);
    if (!message)
      throw new SandboxError(400, `Only the bot's messages in this chat can be answered, not #${messageId}`);
    return message;
  }

  private view(state: PersonState): PersonView {
    const { name, email, role, company, language } = state.info;
    const id = state.person.id;
    return { id, name, email, role, company, language, blocked: this.double.isBlocked(id), started: state.started };
  }

  private botMessage(sent: SentMessage): MessageView {
    const view: MessageView = {
      id: sent.messageId,
      from: 'bot',
      time: sent.time.toISOString(),
      text: sent.text,
      entities: sent.entities,
      edited: sent.editedAt !== undefined,
      reactions: [],
    };
    if (sent.replyToMessageId !== undefined) view.replyTo = { id: sent.replyToMessageId, from: 'person', text: '' };
    const buttons = inlineKeyboard(sent.replyMarkup);
    if (buttons.length) view.buttons = buttons;
    if (sent.file) {
      view.file = {
        id: sent.file.fileId,
        kind: sent.file.kind,
        name: sent.file.fileName,
        mimeType: sent.file.mimeType,
        size: sent.file.size,
        url: sent.file.url ?? fileUrl(sent.file.fileId),
      };
    }
    return view;
  }

  private personMessage(state: PersonState, message: Message): MessageView {
    const view: MessageView = {
      id: message.message_id,
      from: 'person',
      time: new Date(message.date * 1000).toISOString(),
      // Telegram shows a deep link's Start as a bare /start: the payload is not the person's to see.
      text: message.text?.replace(/^\/start \S+$/, '/start') ?? message.caption ?? '',
      entities: message.entities ?? message.caption_entities ?? [],
      edited: message.edit_date !== undefined,
      reactions: this.double.reactionsOn(state.person.id, message.message_id),
    };
    const answered = message.reply_to_message;
    if (answered) {
      view.replyTo = { id: answered.message_id, from: answered.from?.is_bot ? 'bot' : 'person', text: '' };
    }
    if (message.document) {
      view.file = {
        id: message.document.file_id,
        kind: 'document',
        name: message.document.file_name,
        mimeType: message.document.mime_type,
        size: message.document.file_size,
        url: fileUrl(message.document.file_id),
      };
    }
    const photo = message.photo?.at(-1);
    if (photo) {
      view.file = { id: photo.file_id, kind: 'photo', size: photo.file_size, url: fileUrl(photo.file_id) };
    }
    return view;
  }
}

function fileUrl(fileId: string): string {
  return `/sandbox/api/files/${encodeURIComponent(fileId)}`;
}

/** The rows of an inline keyboard, as buttons the page can draw; other markup (a reply keyboard) draws none. */
function inlineKeyboard(markup: unknown): ButtonView[][] {
  const rows = (markup as { inline_keyboard?: unknown } | undefined)?.inline_keyboard;
  if (!Array.isArray(rows)) return [];
  return rows.map((row: unknown) =>
    (Array.isArray(row) ? row : []).map((button: Record<string, unknown>) => {
      const view: ButtonView = { text: String(button['text'] ?? '') };
      if (typeof button['callback_data'] === 'string') view.data = button['callback_data'];
      if (typeof button['url'] === 'string') view.url = button['url'];
      const webApp = button['web_app'] as { url?: unknown } | undefined;
      if (typeof webApp?.url === 'string') view.webApp = webApp.url;
      return view;
    }),
  );
}
