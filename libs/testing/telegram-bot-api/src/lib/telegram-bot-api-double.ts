import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import {
  request as httpRequest,
  createServer,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AddressInfo, type Socket } from 'node:net';
import { HtmlMarkupError, parseHtml, trimText, type ParsedText } from './html-markup';
import { BadBodyError, boolParam, decodeParams, intParam, readBody, stringParam } from './request-params';
import {
  type BotCommand,
  type CallbackQuery,
  type Chat,
  type ChatMemberUpdated,
  type Message,
  type MessageEntity,
  type Params,
  type Update,
  type User,
} from './types';

/** Telegram's flood limits, made configurable so a test can provoke a 429 cheaply or switch them off. */
export interface RateLimits {
  /** Messages one chat may receive within any sliding second. Default 1; `Infinity` switches the limit off. */
  perChatPerSecond?: number;
  /** Messages the bot may send within any sliding second, all chats together. Default 30. */
  globalPerSecond?: number;
}

export interface TelegramBotApiDoubleOptions {
  /** The valid token; a Telegram-shaped random one when omitted. Its digits before `:` are the bot's id. */
  token?: string;
  /** Further tokens accepted as valid, e.g. to keep an old one working while a test rotates tokens. */
  tokens?: string[];
  username?: string;
  firstName?: string;
  limits?: RateLimits;
  /** Upper bound for `getUpdates` `timeout`, in seconds (Telegram's is 50). */
  maxPollSeconds?: number;
  /** Pause before a failed webhook delivery is retried. Telegram waits longer; tests should not. Default 200 ms. */
  webhookRetryDelayMs?: number;
  /** How long a webhook POST may take before it counts as failed. Default 5000 ms. */
  webhookTimeoutMs?: number;
  /**
   * Refuse a bare `&` in HTML text (default true). Telegram accepts it although its documentation forbids it;
   * refusing it catches forgotten escaping, which breaks as soon as the text holds `&lt;`.
   */
  strictHtmlAmpersand?: boolean;
}

export interface PersonOptions {
  /** Telegram user id (= private chat id); a fresh one from 7000000001 up when omitted. */
  id?: number;
  username?: string;
  firstName: string;
  lastName?: string;
  languageCode?: string;
  /**
   * Whether the person has already opened the chat with the bot (default true). When false, the bot may not write
   * first: sendMessage answers 403 `bot can't initiate conversation with a user` until the person presses Start.
   */
  hasStartedBot?: boolean;
}

/** A Telegram user the test plays; its private chat with the bot has the same id. */
export interface TelegramPerson {
  readonly id: number;
  readonly chatId: number;
  readonly firstName: string;
  readonly lastName?: string;
  readonly username?: string;
  readonly languageCode?: string;
  /** The person as a Bot API `User`, as it appears in `from`. */
  readonly user: User;
  /** The private chat as a Bot API `Chat`. */
  readonly chat: Chat;
}

/** A group (or supergroup) chat with the bot in it; its id is negative, as on Telegram. */
export interface TelegramGroup {
  readonly chatId: number;
  readonly title: string;
  readonly chat: Chat;
}

/** A person handle or a user/chat id. */
export type PersonRef = TelegramPerson | number;

/** What an injected failure answers: an HTTP error with Telegram's error body, or a connection cut without answer. */
export type Failure = { status: number; description?: string; retryAfter?: number } | 'drop';

/** A message the double accepted from the bot, with what the bot asked for, so tests can assert on both. */
export interface SentMessage {
  readonly chatId: number;
  readonly messageId: number;
  /** Visible text (markup parsed away), as the person sees it; updated by editMessageText. */
  text: string;
  /** The text parameter as the bot sent it (markup included); updated by editMessageText. */
  rawText: string;
  parseMode?: string;
  entities: MessageEntity[];
  replyMarkup?: unknown;
  /** The decoded request parameters of the sendMessage call. */
  readonly params: Params;
  readonly time: Date;
  /** The Message object returned to the bot (latest version). */
  message: Message;
  editedAt?: Date;
  deleted: boolean;
}

/** One Bot API request as the double saw it. */
export interface RecordedCall {
  /** Canonical method name (e.g. `getUpdates`) when known, else as requested. */
  readonly method: string;
  readonly params: Params;
  readonly token: string;
  readonly time: Date;
  /** HTTP status answered; `pending` while a long poll waits; `dropped` when the connection was cut on purpose. */
  status: number | 'pending' | 'dropped';
  ok?: boolean;
  description?: string;
  result?: unknown;
  /** `webhook-reply` when the bot made the call in its webhook response body. */
  readonly via: 'http' | 'webhook-reply';
}

/** One POST of an update to the webhook, successful or not. */
export interface WebhookDelivery {
  readonly updateId: number;
  readonly url: string;
  readonly secretToken?: string;
  readonly time: Date;
  /** HTTP status the webhook answered, undefined when the connection failed. */
  readonly status?: number;
  readonly error?: string;
  readonly ok: boolean;
}

export interface CallbackAnswer {
  readonly callbackQueryId: string;
  readonly text?: string;
  readonly showAlert: boolean;
  readonly url?: string;
  readonly time: Date;
}

interface PersonState {
  person: TelegramPerson;
  blocked: boolean;
  started: boolean;
  lastMessageId: number;
  deletedMessageIds: Set<number>;
}

interface PendingUpdate {
  update: Update;
  /** Redelivered updates are handed out once more even though their id lies below the confirmed offset. */
  redelivery: boolean;
  handedOut: boolean;
}

interface PendingPoll {
  limit: number;
  finish: (outcome: Update[] | ApiError) => void;
}

interface WebhookConfig {
  url: string;
  secretToken?: string;
  maxConnections: number;
  allowedUpdates?: string[];
}

interface FailureRule {
  remaining: number;
  failure: Failure;
  method?: string;
}

class ApiError extends Error {
  constructor(
    readonly code: number,
    readonly description: string,
    readonly parameters?: Record<string, unknown>,
  ) {
    super(description);
  }
}

const badRequest = (reason: string): ApiError => new ApiError(400, `Bad Request: ${reason}`);

const defaultAllowedUpdates = (kind: string): boolean =>
  kind !== 'chat_member' && kind !== 'message_reaction' && kind !== 'message_reaction_count';

const statusTexts: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

const chatActions = new Set([
  'typing',
  'upload_photo',
  'record_video',
  'upload_video',
  'record_voice',
  'upload_voice',
  'upload_document',
  'choose_sticker',
  'find_location',
  'record_video_note',
  'upload_video_note',
]);

/** Methods the double accepts and ignores, so that bot start-up code calling them does not fail on a 404. */
const acceptedNoOps = [
  'setMyDescription',
  'setMyShortDescription',
  'setMyName',
  'setChatMenuButton',
  'setMyDefaultAdministratorRights',
  'logOut',
  'close',
];

const unixTime = (date = new Date()): number => Math.floor(date.getTime() / 1000);

/**
 * An HTTP stand-in for api.telegram.org with Telegram's semantics (long polling, webhooks, flood limits, HTML
 * parsing, blocked users), so the real API process can be tested end to end without the network, and a test can
 * play the people writing to the bot.
 */
export class TelegramBotApiDouble {
  private readonly tokens: string[];
  private readonly botId: number;
  readonly botUsername: string;
  readonly botFirstName: string;
  private limits: Required<RateLimits>;
  private readonly maxPollSeconds: number;
  private readonly webhookRetryDelayMs: number;
  private readonly webhookTimeoutMs: number;
  private readonly strictHtmlAmpersand: boolean;

  private server?: Server;
  private port?: number;
  private readonly sockets = new Set<Socket>();
  private readonly events = new EventEmitter();
  private stopped = false;

  private readonly persons = new Map<number, PersonState>();
  private readonly groups = new Map<number, { group: TelegramGroup; lastMessageId: number }>();
  private nextGroupId = 4000000001;
  private nextPersonId = 7000000001;
  private nextUpdateId = 100000001;
  private nextCallbackQueryId = 1;
  private pending: PendingUpdate[] = [];
  private poll?: PendingPoll;
  private allowedUpdates?: string[];
  private webhook?: WebhookConfig;
  private webhookLastError?: { date: number; message: string };
  private delivering = false;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; wake: () => void }>();
  private readonly webhookRequests = new Set<{ destroy: () => void }>();

  private sent: SentMessage[] = [];
  private recordedCalls: RecordedCall[] = [];
  private deliveries: WebhookDelivery[] = [];
  private answers: CallbackAnswer[] = [];
  private failures: FailureRule[] = [];
  private readonly commandSets = new Map<string, BotCommand[]>();
  private globalWindow: number[] = [];
  private chatWindows = new Map<number, number[]>();

  constructor(options: TelegramBotApiDoubleOptions = {}) {
    const token = options.token ?? `6000000001:${randomBytes(27).toString('base64url').slice(0, 35)}`;
    this.tokens = [token, ...(options.tokens ?? [])];
    this.botId = Number(/^(\d+):/.exec(token)?.[1] ?? 6000000001);
    this.botUsername = options.username ?? 'deskgram_test_bot';
    this.botFirstName = options.firstName ?? 'Deskgram Test';
    this.limits = { perChatPerSecond: 1, globalPerSecond: 30, ...options.limits };
    this.maxPollSeconds = options.maxPollSeconds ?? 50;
    this.webhookRetryDelayMs = options.webhookRetryDelayMs ?? 200;
    this.webhookTimeoutMs = options.webhookTimeoutMs ?? 5000;
    this.strictHtmlAmpersand = options.strictHtmlAmpersand ?? true;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Lifecycle

  /** Listens on 127.0.0.1 on a free port; `url` is usable once this resolves. */
  async start(): Promise<void> {
    if (this.server) throw new Error('TelegramBotApiDouble already started');
    this.stopped = false;
    const server = createServer((request, response) => {
      this.handle(request, response).catch((error: unknown) => {
        if (!response.headersSent) {
          this.respond(response, new ApiError(500, `Internal Server Error: ${String(error)}`));
        }
      });
    });
    server.on('connection', (socket) => {
      this.sockets.add(socket);
      socket.on('close', () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    this.server = server;
    this.port = (server.address() as AddressInfo).port;
  }

  /** Ends long polls, webhook retries and every socket, so that Jest can exit without open handles. */
  async stop(): Promise<void> {
    this.stopped = true;
    this.poll?.finish([]);
    this.poll = undefined;
    for (const entry of this.timers) {
      clearTimeout(entry.timer);
      entry.wake();
    }
    this.timers.clear();
    for (const request of this.webhookRequests) request.destroy();
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    const closed = new Promise<void>((resolve) => server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  /** Base URL (`http://127.0.0.1:PORT`), to be given to the bot as its API root (telegraf's `apiRoot`). */
  get url(): string {
    if (this.port === undefined) throw new Error('TelegramBotApiDouble not started: await start() first');
    return `http://127.0.0.1:${this.port}`;
  }

  /** The (first) valid token. */
  get token(): string {
    return this.tokens[0];
  }

  /** The bot as a Bot API `User`. */
  get bot(): User {
    return { id: this.botId, is_bot: true, first_name: this.botFirstName, username: this.botUsername };
  }

  /** Makes `token` the only valid one: requests with any other token get 401, as after revoking in BotFather. */
  setToken(token: string): void {
    this.tokens.splice(0, this.tokens.length, token);
  }

  /** Changes the flood limits at run time (e.g. `{ perChatPerSecond: Infinity }` for a chatty test). */
  setLimits(limits: RateLimits): void {
    this.limits = { ...this.limits, ...limits };
    this.globalWindow = [];
    this.chatWindows.clear();
  }

  /**
   * Forgets messages, calls, webhook deliveries, callback answers, flood windows and injected failures between
   * tests; keeps persons (and their blocked state), pending updates, the webhook and the message id counters, which
   * are Telegram's state rather than the test's.
   */
  reset(): void {
    this.sent = [];
    this.recordedCalls = [];
    this.deliveries = [];
    this.answers = [];
    this.failures = [];
    this.globalWindow = [];
    this.chatWindows.clear();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Persons and what they do

  /** Creates (or returns the existing) Telegram user with that id. */
  person(options: PersonOptions): TelegramPerson {
    const id = options.id ?? this.nextPersonId++;
    const existing = this.persons.get(id);
    if (existing) return existing.person;
    const user: User = { id, is_bot: false, first_name: options.firstName };
    if (options.lastName !== undefined) user.last_name = options.lastName;
    if (options.username !== undefined) user.username = options.username;
    if (options.languageCode !== undefined) user.language_code = options.languageCode;
    const chat: Chat = { id, type: 'private', first_name: options.firstName };
    if (options.lastName !== undefined) chat.last_name = options.lastName;
    if (options.username !== undefined) chat.username = options.username;
    const person: TelegramPerson = Object.freeze({
      id,
      chatId: id,
      firstName: options.firstName,
      lastName: options.lastName,
      username: options.username,
      languageCode: options.languageCode,
      user: Object.freeze(user),
      chat: Object.freeze(chat),
    });
    this.persons.set(id, {
      person,
      blocked: false,
      started: options.hasStartedBot ?? true,
      lastMessageId: 0,
      deletedMessageIds: new Set(),
    });
    return person;
  }

  /**
   * Creates (or returns the existing) group chat the bot is a member of, so that persons can write commands there
   * with `sendTextInGroup` and the bot's answers to it can be read with `sentTo(group.chatId)`.
   */
  group(options: { title: string; id?: number; type?: 'group' | 'supergroup' }): TelegramGroup {
    const id = options.id ?? -this.nextGroupId++;
    const existing = this.groups.get(id);
    if (existing) return existing.group;
    const chat: Chat = { id, type: options.type ?? 'group', title: options.title };
    const group: TelegramGroup = Object.freeze({ chatId: id, title: options.title, chat: Object.freeze(chat) });
    this.groups.set(id, { group, lastMessageId: 0 });
    return group;
  }

  /** The person writes `text` in the group; a leading `/command` (or `/command@bot`) gets its bot_command entity. */
  async sendTextInGroup(group: TelegramGroup, person: PersonRef, text: string): Promise<Update> {
    const state = this.groups.get(group.chatId);
    if (!state) throw new Error(`Unknown group ${group.chatId}: create it with double.group(...) first`);
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: this.state(person).person.user,
      chat: group.chat,
      date: unixTime(),
      text,
    };
    this.addCommandEntity(message);
    return this.enqueue({ message });
  }

  /** Whether the person currently blocks the bot. */
  isBlocked(person: PersonRef): boolean {
    return this.state(person).blocked;
  }

  /**
   * The person taps Start (or opens a `t.me/<bot>?start=<payload>` link). Like Telegram's Restart, it also unblocks
   * the bot (emitting the `my_chat_member` update first). Throws on a payload Telegram would not carry
   * (over 64 characters or outside `A-Za-z0-9_-`), since such a deep link silently loses its payload in reality.
   */
  async pressStart(person: PersonRef, payload?: string): Promise<Update> {
    if (payload !== undefined && !/^[A-Za-z0-9_-]{1,64}$/.test(payload)) {
      throw new Error(`Telegram would not pass the start payload ${JSON.stringify(payload)} (1-64 of A-Za-z0-9_-)`);
    }
    const state = this.state(person);
    if (state.blocked) await this.unblockBot(person);
    state.started = true;
    const text = payload === undefined ? '/start' : `/start ${payload}`;
    return this.enqueue({ message: this.incomingMessage(state, text) });
  }

  /** The person writes `text` to the bot; a leading `/command` gets its bot_command entity as in Telegram. */
  async sendText(person: PersonRef, text: string): Promise<Update> {
    const state = this.state(person);
    if (state.blocked) {
      throw new Error(`Person ${state.person.id} blocks the bot and cannot write to it: call unblockBot or pressStart`);
    }
    state.started = true;
    return this.enqueue({ message: this.incomingMessage(state, text) });
  }

  /**
   * The person taps an inline button with this callback_data. Telegram only lets people press buttons that exist, so
   * the button is looked up in the messages sent to that chat (the newest carrying it, or `options.message`).
   */
  async pressButton(person: PersonRef, callbackData: string, options: { message?: SentMessage } = {}): Promise<Update> {
    const state = this.state(person);
    const message =
      options.message ??
      [...this.sent]
        .reverse()
        .find(
          (sent) => sent.chatId === state.person.chatId && !sent.deleted && hasButton(sent.replyMarkup, callbackData),
        );
    if (!message || !hasButton(message.replyMarkup, callbackData)) {
      throw new Error(
        `No message sent to chat ${state.person.chatId} has a button with callback_data "${callbackData}"`,
      );
    }
    const query: CallbackQuery = {
      id: String(this.nextCallbackQueryId++ + 4_000_000_000_000),
      from: state.person.user,
      message: message.message,
      chat_instance: String(-state.person.id),
      data: callbackData,
    };
    return this.enqueue({ callback_query: query });
  }

  /** The person blocks the bot: sendMessage to them answers 403 from now on; the bot gets a `my_chat_member` update. */
  async blockBot(person: PersonRef): Promise<Update> {
    const state = this.state(person);
    state.blocked = true;
    return this.enqueue({ my_chat_member: this.memberChange(state, 'member', 'kicked') });
  }

  /** The person unblocks the bot; the bot gets a `my_chat_member` update (kicked → member). */
  async unblockBot(person: PersonRef): Promise<Update> {
    const state = this.state(person);
    state.blocked = false;
    return this.enqueue({ my_chat_member: this.memberChange(state, 'kicked', 'member') });
  }

  /**
   * Delivers the same update (same update_id) once more, as Telegram does when the bot took too long to confirm it,
   * so that tests can prove the bot handles each update once.
   */
  async redeliver(update: Update): Promise<Update> {
    this.pending.push({ update, redelivery: true, handedOut: false });
    this.pending.sort((a, b) => a.update.update_id - b.update.update_id);
    this.events.emit('update', update);
    this.dispatchPending();
    return update;
  }

  /** Queues any other update (edited_message, chat_member, ...); update_id is assigned here. */
  async pushUpdate(update: Omit<Update, 'update_id'>): Promise<Update> {
    return this.enqueue(update);
  }

  /**
   * Resolves once the update has left the queue: confirmed by a later getUpdates offset (telegraf asks for the next
   * batch only after handling the previous one) or accepted by the webhook with a 2xx. Lets a test wait for "the bot
   * has handled this" without sleeping.
   */
  async waitUntilHandled(update: Update, timeoutMs = 5000): Promise<void> {
    const isPending = (): boolean => this.pending.some((entry) => entry.update === update);
    await this.waitUntil(
      () => (isPending() ? undefined : true),
      ['handled'],
      timeoutMs,
      () => `update ${update.update_id} to be handled (pending updates: ${this.pending.length})`,
    );
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Fault injection

  /**
   * The next `count` Bot API calls (only of `options.method`, when given) answer `failure` instead of being served:
   * an HTTP error with Telegram's error body, or `'drop'` to cut the connection without an answer.
   */
  failNext(count: number, failure: Failure, options: { method?: string } = {}): void {
    this.failures.push({ remaining: count, failure, method: options.method?.toLowerCase() });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Observation

  /** Messages accepted for that chat, oldest first (deleted ones included, flagged). */
  sentTo(chat: PersonRef): SentMessage[] {
    const chatId = typeof chat === 'number' ? chat : chat.chatId;
    return this.sent.filter((message) => message.chatId === chatId);
  }

  /** Every message accepted, in order. */
  get messages(): readonly SentMessage[] {
    return this.sent;
  }

  /** Every Bot API request received, in order, including refused and failed ones. */
  get calls(): readonly RecordedCall[] {
    return this.recordedCalls;
  }

  /** The calls of one method (case-insensitive). */
  callsOf(method: string): RecordedCall[] {
    return this.recordedCalls.filter((call) => call.method.toLowerCase() === method.toLowerCase());
  }

  /** Every webhook POST attempt, so tests can see e.g. that a wrong secret was refused with 401. */
  get webhookDeliveries(): readonly WebhookDelivery[] {
    return this.deliveries;
  }

  /** The answerCallbackQuery calls, to assert that every button press got its answer. */
  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.answers;
  }

  /** Updates not yet confirmed by the bot. */
  get pendingUpdates(): readonly Update[] {
    return this.pending.map((entry) => entry.update);
  }

  /** The webhook currently set, if any. */
  get webhookUrl(): string | undefined {
    return this.webhook?.url;
  }

  /** The commands set by setMyCommands for that scope and language (default scope when omitted). */
  commands(scope: Record<string, unknown> = { type: 'default' }, languageCode = ''): BotCommand[] {
    return this.commandSets.get(commandKey(scope, languageCode)) ?? [];
  }

  /**
   * Calls `listener` on each accepted (or edited) message, each answered request, or each queued update, for tests that react
   * rather than wait (e.g. a browser test that answers the bot). Returns the unsubscribe function.
   */
  on(event: 'message', listener: (message: SentMessage) => void): () => void;
  on(event: 'call', listener: (call: RecordedCall) => void): () => void;
  on(event: 'update', listener: (update: Update) => void): () => void;
  on(
    event: 'message' | 'call' | 'update',
    listener: ((message: SentMessage) => void) | ((call: RecordedCall) => void) | ((update: Update) => void),
  ): () => void {
    const handler = (value: SentMessage & RecordedCall & Update): void => listener(value);
    this.events.on(event, handler);
    return () => this.events.off(event, handler);
  }

  /** Resolves with the first accepted message (already sent or to come) matching `predicate`. */
  async waitFor(predicate: (message: SentMessage) => boolean, timeoutMs = 5000): Promise<SentMessage> {
    return this.waitUntil(
      () => this.sent.find(predicate),
      ['message'],
      timeoutMs,
      () =>
        `a message matching ${predicate.toString()}; messages sent so far: ${JSON.stringify(this.sent.map(describe))}`,
    );
  }

  /** Resolves with the first message to that person (already sent or to come) matching `predicate`, if given. */
  async waitForMessage(
    person: PersonRef,
    predicate: (message: SentMessage) => boolean = () => true,
    timeoutMs = 5000,
  ): Promise<SentMessage> {
    const chatId = typeof person === 'number' ? person : person.chatId;
    return this.waitUntil(
      () => this.sent.find((message) => message.chatId === chatId && predicate(message)),
      ['message'],
      timeoutMs,
      () =>
        `a message to chat ${chatId} matching ${predicate.toString()}; messages sent to that chat: ${JSON.stringify(
          this.sentTo(chatId).map(describe),
        )}`,
    );
  }

  /** Resolves with the first call (already received or to come) matching `predicate`. */
  async waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    return this.waitUntil(
      () => this.recordedCalls.find(predicate),
      ['call-received', 'call'],
      timeoutMs,
      () =>
        `a call matching ${predicate.toString()}; calls so far: ${JSON.stringify(
          this.recordedCalls.map((call) => `${call.method} ${call.status}`),
        )}`,
    );
  }

  // ---------------------------------------------------------------------------------------------------------------
  // HTTP

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://double');
    const match = /^\/bot([^/]*)\/([^/]+)\/?$/.exec(url.pathname);
    if (!match) {
      this.respond(response, new ApiError(404, 'Not Found'));
      return;
    }
    const token = decodeURIComponent(match[1]);
    const requested = decodeURIComponent(match[2]);
    let params: Params;
    try {
      params = decodeParams(url.searchParams, request.headers['content-type'], await readBody(request));
    } catch (error) {
      const description = error instanceof BadBodyError ? error.message : `Bad Request: ${String(error)}`;
      this.respond(response, new ApiError(400, description));
      return;
    }
    const method = this.canonicalMethod(requested);
    const call: RecordedCall = {
      method: method ?? requested,
      params,
      token,
      time: new Date(),
      status: 'pending',
      via: 'http',
    };
    this.recordedCalls.push(call);
    this.events.emit('call-received', call);

    if (!this.tokens.includes(token)) {
      this.finishCall(call, response, new ApiError(401, 'Unauthorized'));
      return;
    }
    const failure = this.takeFailure(method ?? requested);
    if (failure === 'drop') {
      call.status = 'dropped';
      this.events.emit('call', call);
      request.socket.destroy();
      return;
    }
    if (failure) {
      const description =
        failure.description ??
        (failure.status === 429
          ? `Too Many Requests: retry after ${failure.retryAfter ?? 1}`
          : (statusTexts[failure.status] ?? 'Error'));
      const parameters = failure.status === 429 ? { retry_after: failure.retryAfter ?? 1 } : undefined;
      this.finishCall(call, response, new ApiError(failure.status, description, parameters));
      return;
    }
    if (!method) {
      this.finishCall(call, response, new ApiError(404, 'Not Found: method not found'));
      return;
    }
    try {
      const result = await this.execute(method, params, response);
      this.finishCall(call, response, result);
    } catch (error) {
      this.finishCall(call, response, error instanceof ApiError ? error : new ApiError(500, String(error)));
    }
  }

  private finishCall(call: RecordedCall, response: ServerResponse | undefined, outcome: unknown): void {
    if (outcome instanceof ApiError) {
      call.status = outcome.code;
      call.ok = false;
      call.description = outcome.description;
    } else {
      call.status = 200;
      call.ok = true;
      call.result = outcome instanceof Described ? outcome.result : outcome;
    }
    if (response) this.respond(response, outcome);
    this.events.emit('call', call);
  }

  private respond(response: ServerResponse, outcome: unknown): void {
    if (response.writableEnded || response.destroyed) return;
    let status = 200;
    let body: Record<string, unknown>;
    if (outcome instanceof ApiError) {
      status = outcome.code;
      body = { ok: false, error_code: outcome.code, description: outcome.description };
      if (outcome.parameters) body['parameters'] = outcome.parameters;
    } else if (outcome instanceof Described) {
      body = { ok: true, result: outcome.result, description: outcome.description };
    } else {
      body = { ok: true, result: outcome };
    }
    const json = JSON.stringify(body);
    response.writeHead(status, statusTexts[status] ?? 'Error', {
      'content-type': 'application/json',
      'content-length': Buffer.byteLength(json),
    });
    response.end(json);
  }

  private takeFailure(method: string): Failure | undefined {
    const index = this.failures.findIndex(
      (rule) => rule.remaining > 0 && (rule.method === undefined || rule.method === method.toLowerCase()),
    );
    if (index < 0) return undefined;
    const rule = this.failures[index];
    rule.remaining--;
    if (rule.remaining <= 0) this.failures.splice(index, 1);
    return rule.failure;
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Methods

  private readonly methods: Record<string, (params: Params, response?: ServerResponse) => unknown> = {
    getMe: () => ({
      ...this.bot,
      can_join_groups: true,
      can_read_all_group_messages: false,
      supports_inline_queries: false,
    }),
    getUpdates: (params, response) => this.getUpdates(params, response),
    setWebhook: (params) => this.setWebhook(params),
    deleteWebhook: (params) => this.deleteWebhook(params),
    getWebhookInfo: () => this.getWebhookInfo(),
    sendMessage: (params) => this.sendMessage(params),
    editMessageText: (params) => this.editMessageText(params),
    editMessageReplyMarkup: (params) => this.editMessageReplyMarkup(params),
    deleteMessage: (params) => this.deleteMessage(params),
    sendChatAction: (params) => {
      this.writableChat(params['chat_id']);
      if (!chatActions.has(stringParam(params['action']) ?? '')) {
        throw badRequest('wrong parameter action in request');
      }
      return true;
    },
    getChat: (params) => this.knownChat(params['chat_id']).person.chat,
    answerCallbackQuery: (params) => {
      const callbackQueryId = stringParam(params['callback_query_id']);
      if (!callbackQueryId) throw badRequest('query is too old and response timeout expired or query ID is invalid');
      this.answers.push({
        callbackQueryId,
        text: stringParam(params['text']),
        showAlert: boolParam(params['show_alert']),
        url: stringParam(params['url']),
        time: new Date(),
      });
      return true;
    },
    setMyCommands: (params) => {
      const commands = params['commands'];
      if (!Array.isArray(commands)) throw badRequest('parameter "commands" is required');
      for (const command of commands as Partial<BotCommand>[]) {
        if (typeof command?.command !== 'string' || !/^[a-z0-9_]{1,32}$/.test(command.command)) {
          throw badRequest('BOT_COMMAND_INVALID');
        }
        if (typeof command.description !== 'string' || command.description.trim() === '') {
          throw badRequest('BOT_COMMAND_DESCRIPTION_INVALID');
        }
      }
      this.commandSets.set(commandKey(params['scope'], stringParam(params['language_code']) ?? ''), commands);
      return true;
    },
    getMyCommands: (params) =>
      this.commandSets.get(commandKey(params['scope'], stringParam(params['language_code']) ?? '')) ?? [],
    deleteMyCommands: (params) => {
      this.commandSets.delete(commandKey(params['scope'], stringParam(params['language_code']) ?? ''));
      return true;
    },
    ...Object.fromEntries(acceptedNoOps.map((name) => [name, () => true])),
  };

  private canonicalMethod(requested: string): string | undefined {
    const lower = requested.toLowerCase();
    return Object.keys(this.methods).find((name) => name.toLowerCase() === lower);
  }

  private async execute(method: string, params: Params, response?: ServerResponse): Promise<unknown> {
    return this.methods[method](params, response);
  }

  private getUpdates(params: Params, response?: ServerResponse): Promise<Update[]> | Update[] {
    if (this.webhook) {
      throw new ApiError(
        409,
        "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
      );
    }
    const offset = intParam(params['offset']) ?? 0;
    const limit = Math.min(100, Math.max(1, intParam(params['limit']) ?? 100));
    const timeout = Math.min(this.maxPollSeconds, Math.max(0, intParam(params['timeout']) ?? 0));
    const allowed = params['allowed_updates'];
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? allowed.map(String) : undefined;

    // Telegram lets the newest request win: the one already waiting is the one told it was terminated.
    if (this.poll) {
      this.poll.finish(
        new ApiError(
          409,
          'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
        ),
      );
      this.poll = undefined;
    }
    this.confirm(offset);
    const ready = this.takeReady(limit, this.allowedUpdates);
    if (ready.length > 0 || timeout === 0 || this.stopped) return ready;

    return new Promise<Update[]>((resolve, reject) => {
      const poll: PendingPoll = {
        limit,
        finish: (outcome) => {
          clearTimeout(timer);
          if (this.poll === poll) this.poll = undefined;
          if (outcome instanceof ApiError) reject(outcome);
          else resolve(outcome);
        },
      };
      const timer = setTimeout(() => poll.finish([]), timeout * 1000);
      this.poll = poll;
      // A client that gives up (telegraf aborting on stop) no longer holds the poll.
      response?.on('close', () => {
        if (this.poll === poll) poll.finish([]);
      });
    });
  }

  /** Drops what the bot confirmed with `offset` (or, negative, keeps only the last -offset updates). */
  private confirm(offset: number): void {
    if (offset > 0) {
      this.pending = this.pending.filter((entry) =>
        entry.redelivery ? !entry.handedOut || entry.update.update_id >= offset : entry.update.update_id >= offset,
      );
    } else if (offset < 0) {
      this.pending = this.pending.slice(offset);
    }
    this.events.emit('handled');
  }

  private takeReady(limit: number, allowedUpdates: string[] | undefined): Update[] {
    const isAllowed = (update: Update): boolean => {
      const kind = Object.keys(update).find((key) => key !== 'update_id') ?? '';
      return allowedUpdates ? allowedUpdates.includes(kind) : defaultAllowedUpdates(kind);
    };
    // Telegram never keeps updates of kinds the bot did not ask for.
    const before = this.pending.length;
    this.pending = this.pending.filter((entry) => isAllowed(entry.update));
    if (this.pending.length !== before) this.events.emit('handled');
    const ready = this.pending.slice(0, limit);
    for (const entry of ready) entry.handedOut = true;
    return ready.map((entry) => entry.update);
  }

  private setWebhook(params: Params): Described {
    const url = stringParam(params['url']) ?? '';
    if (url === '') {
      const wasSet = this.webhook !== undefined;
      this.webhook = undefined;
      return new Described(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
    }
    try {
      const parsed = new URL(url);
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('protocol');
    } catch {
      throw badRequest('bad webhook: invalid webhook URL specified');
    }
    const secretToken = stringParam(params['secret_token']);
    if (secretToken !== undefined && secretToken !== '' && !/^[A-Za-z0-9_-]{1,256}$/.test(secretToken)) {
      throw badRequest('secret token contains unallowed characters');
    }
    if (boolParam(params['drop_pending_updates'])) this.dropPending();
    const allowed = params['allowed_updates'];
    if (Array.isArray(allowed)) this.allowedUpdates = allowed.length ? allowed.map(String) : undefined;
    const unchanged = this.webhook?.url === url && this.webhook.secretToken === (secretToken || undefined);
    this.webhook = {
      url,
      secretToken: secretToken || undefined,
      maxConnections: intParam(params['max_connections']) ?? 40,
      allowedUpdates: this.allowedUpdates,
    };
    this.webhookLastError = undefined;
    // A getUpdates still waiting is cut off, as on Telegram.
    this.poll?.finish([]);
    this.dispatchPending();
    return new Described(true, unchanged ? 'Webhook is already set' : 'Webhook was set');
  }

  private deleteWebhook(params: Params): Described {
    if (boolParam(params['drop_pending_updates'])) this.dropPending();
    const wasSet = this.webhook !== undefined;
    this.webhook = undefined;
    return new Described(true, wasSet ? 'Webhook was deleted' : 'Webhook is already deleted');
  }

  private getWebhookInfo(): Record<string, unknown> {
    const info: Record<string, unknown> = {
      url: this.webhook?.url ?? '',
      has_custom_certificate: false,
      pending_update_count: this.pending.length,
    };
    if (this.webhook) {
      info['max_connections'] = this.webhook.maxConnections;
      info['ip_address'] = '127.0.0.1';
      if (this.webhook.allowedUpdates) info['allowed_updates'] = this.webhook.allowedUpdates;
      if (this.webhookLastError) {
        info['last_error_date'] = this.webhookLastError.date;
        info['last_error_message'] = this.webhookLastError.message;
      }
    }
    return info;
  }

  private dropPending(): void {
    this.pending = [];
    this.events.emit('handled');
  }

  private sendMessage(params: Params): Message {
    const groupId = intParam(params['chat_id']);
    if (groupId !== undefined && this.groups.has(groupId)) return this.sendGroupMessage(groupId, params);
    const state = this.writableChat(params['chat_id']);
    const parsed = this.parseText(params);
    this.checkReplyMarkup(params['reply_markup']);
    this.takeRateLimit(state.person.chatId);
    const messageId = ++state.lastMessageId;
    const message: Message = {
      message_id: messageId,
      from: this.bot,
      chat: state.person.chat,
      date: unixTime(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    if (params['reply_markup'] !== undefined && isInlineKeyboard(params['reply_markup'])) {
      message.reply_markup = params['reply_markup'];
    }
    if (params['link_preview_options'] !== undefined) message.link_preview_options = params['link_preview_options'];
    const sent: SentMessage = {
      chatId: state.person.chatId,
      messageId,
      text: parsed.text,
      rawText: stringParam(params['text']) ?? '',
      parseMode: stringParam(params['parse_mode']),
      entities: parsed.entities,
      replyMarkup: params['reply_markup'],
      params,
      time: new Date(),
      message,
      deleted: false,
    };
    this.sent.push(sent);
    this.events.emit('message', sent);
    return message;
  }

  /** Groups need no Start and cannot block the bot; the flood limits count them like any chat. */
  private sendGroupMessage(chatId: number, params: Params): Message {
    const state = this.groups.get(chatId);
    if (!state) throw badRequest('chat not found');
    const parsed = this.parseText(params);
    this.checkReplyMarkup(params['reply_markup']);
    this.takeRateLimit(chatId);
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: this.bot,
      chat: state.group.chat,
      date: unixTime(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    const sent: SentMessage = {
      chatId,
      messageId: message.message_id,
      text: parsed.text,
      rawText: stringParam(params['text']) ?? '',
      parseMode: stringParam(params['parse_mode']),
      entities: parsed.entities,
      replyMarkup: params['reply_markup'],
      params,
      time: new Date(),
      message,
      deleted: false,
    };
    this.sent.push(sent);
    this.events.emit('message', sent);
    return message;
  }

  private editMessageText(params: Params): Message {
    if (params['inline_message_id'] !== undefined) throw badRequest('inline messages are not supported by the double');
    const state = this.writableChat(params['chat_id']);
    const sent = this.findSent(state, params['message_id'], 'message to edit not found');
    const parsed = this.parseText(params);
    this.checkReplyMarkup(params['reply_markup']);
    const markup = params['reply_markup'];
    if (
      parsed.text === sent.text &&
      JSON.stringify(parsed.entities) === JSON.stringify(sent.entities) &&
      JSON.stringify(markup) === JSON.stringify(sent.replyMarkup)
    ) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    sent.text = parsed.text;
    sent.rawText = stringParam(params['text']) ?? '';
    sent.parseMode = stringParam(params['parse_mode']);
    sent.entities = parsed.entities;
    sent.replyMarkup = markup;
    sent.editedAt = new Date();
    const message: Message = { ...sent.message, text: parsed.text, edit_date: unixTime() };
    if (parsed.entities.length) message.entities = parsed.entities;
    else delete message.entities;
    if (markup !== undefined && isInlineKeyboard(markup)) message.reply_markup = markup;
    else delete message.reply_markup;
    sent.message = message;
    this.events.emit('message', sent);
    return message;
  }

  private editMessageReplyMarkup(params: Params): Message {
    const state = this.writableChat(params['chat_id']);
    const sent = this.findSent(state, params['message_id'], 'message to edit not found');
    this.checkReplyMarkup(params['reply_markup']);
    const markup = params['reply_markup'];
    if (JSON.stringify(markup) === JSON.stringify(sent.replyMarkup)) {
      throw badRequest(
        'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
      );
    }
    sent.replyMarkup = markup;
    sent.editedAt = new Date();
    const message: Message = { ...sent.message, edit_date: unixTime() };
    if (markup !== undefined && isInlineKeyboard(markup)) message.reply_markup = markup;
    else delete message.reply_markup;
    sent.message = message;
    return message;
  }

  private deleteMessage(params: Params): boolean {
    const state = this.knownChat(params['chat_id']);
    const messageId = intParam(params['message_id']);
    if (
      messageId === undefined ||
      messageId < 1 ||
      messageId > state.lastMessageId ||
      state.deletedMessageIds.has(messageId)
    ) {
      throw badRequest('message to delete not found');
    }
    state.deletedMessageIds.add(messageId);
    const sent = this.sent.find((message) => message.chatId === state.person.chatId && message.messageId === messageId);
    if (sent) sent.deleted = true;
    return true;
  }

  private findSent(state: PersonState, messageIdParam: unknown, notFound: string): SentMessage {
    const messageId = intParam(messageIdParam);
    const sent = this.sent.find(
      (message) => message.chatId === state.person.chatId && message.messageId === messageId && !message.deleted,
    );
    if (!sent) throw badRequest(notFound);
    return sent;
  }

  /** Text rules in Telegram's order: empty, markup, length. */
  private parseText(params: Params): ParsedText {
    const raw = stringParam(params['text']) ?? '';
    if (raw.trim() === '') throw badRequest('message text is empty');
    const parseMode = (stringParam(params['parse_mode']) ?? '').toLowerCase();
    let parsed: ParsedText;
    if (parseMode === 'html') {
      try {
        parsed = parseHtml(raw, { strictAmpersand: this.strictHtmlAmpersand });
      } catch (error) {
        if (error instanceof HtmlMarkupError) throw badRequest(error.message);
        throw error;
      }
    } else if (parseMode === '' || parseMode === 'markdown' || parseMode === 'markdownv2') {
      // Markdown is not parsed by the double: the text is kept as sent.
      const entities = Array.isArray(params['entities']) ? (params['entities'] as MessageEntity[]) : [];
      parsed = trimText(raw, parseMode === '' ? entities : []);
    } else {
      throw badRequest(`unsupported parse_mode`);
    }
    if (parsed.text === '') throw badRequest('message text is empty');
    if (parsed.text.length > 4096) throw badRequest('message is too long');
    return parsed;
  }

  private checkReplyMarkup(markup: unknown): void {
    if (markup === undefined) return;
    if (typeof markup !== 'object' || markup === null)
      throw badRequest("can't parse reply keyboard markup JSON object");
    const keyboard = (markup as { inline_keyboard?: unknown }).inline_keyboard;
    if (keyboard === undefined) return;
    if (!Array.isArray(keyboard) || !keyboard.every((row) => Array.isArray(row))) {
      throw badRequest('field "inline_keyboard" of the InlineKeyboardMarkup must be an Array of Arrays');
    }
    for (const button of (keyboard as unknown[][]).flat()) {
      const { text, callback_data: data } = (button ?? {}) as { text?: unknown; callback_data?: unknown };
      if (typeof text !== 'string' || text === '')
        throw badRequest("can't parse inline keyboard button: Text is empty");
      if (data !== undefined && (typeof data !== 'string' || data === '' || Buffer.byteLength(data) > 64)) {
        throw badRequest('BUTTON_DATA_INVALID');
      }
    }
  }

  /** Sliding one-second windows, per chat and for the whole bot; only accepted messages count. */
  private takeRateLimit(chatId: number): void {
    const now = Date.now();
    const recent = (times: number[]): number[] => times.filter((time) => time > now - 1000);
    const retryAfter = (times: number[], limit: number): number =>
      Math.max(1, Math.ceil((times[times.length - limit] + 1000 - now) / 1000));
    const chatTimes = recent(this.chatWindows.get(chatId) ?? []);
    this.globalWindow = recent(this.globalWindow);
    let wait = 0;
    if (chatTimes.length >= this.limits.perChatPerSecond) {
      wait = Math.max(wait, retryAfter(chatTimes, this.limits.perChatPerSecond));
    }
    if (this.globalWindow.length >= this.limits.globalPerSecond) {
      wait = Math.max(wait, retryAfter(this.globalWindow, this.limits.globalPerSecond));
    }
    if (wait > 0) throw new ApiError(429, `Too Many Requests: retry after ${wait}`, { retry_after: wait });
    chatTimes.push(now);
    this.chatWindows.set(chatId, chatTimes);
    this.globalWindow.push(now);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Chats

  private state(person: PersonRef): PersonState {
    const id = typeof person === 'number' ? person : person.id;
    const state = this.persons.get(id);
    if (!state) throw new Error(`Unknown person ${id}: create it with double.person(...) first`);
    return state;
  }

  private knownChat(chatIdParam: unknown): PersonState {
    if (chatIdParam === undefined || chatIdParam === '') throw badRequest('chat_id is empty');
    const chatId = intParam(chatIdParam);
    const state = chatId === undefined ? undefined : this.persons.get(chatId);
    if (!state) throw badRequest('chat not found');
    return state;
  }

  /** A chat the bot may write to: known, not blocked, opened by the person. */
  private writableChat(chatIdParam: unknown): PersonState {
    const state = this.knownChat(chatIdParam);
    if (state.blocked) throw new ApiError(403, 'Forbidden: bot was blocked by the user');
    if (!state.started) throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
    return state;
  }

  private incomingMessage(state: PersonState, text: string): Message {
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: state.person.user,
      chat: state.person.chat,
      date: unixTime(),
      text,
    };
    this.addCommandEntity(message);
    return message;
  }

  private addCommandEntity(message: Message): void {
    const command = new RegExp(`^/[A-Za-z0-9_]{1,32}(@${this.botUsername})?(?=\\s|$)`, 'i').exec(message.text ?? '');
    if (command) message.entities = [{ type: 'bot_command', offset: 0, length: command[0].length }];
  }

  private memberChange(state: PersonState, from: 'member' | 'kicked', to: 'member' | 'kicked'): ChatMemberUpdated {
    const member = (status: 'member' | 'kicked') =>
      status === 'kicked' ? { user: this.bot, status, until_date: 0 } : { user: this.bot, status };
    return {
      chat: state.person.chat,
      from: state.person.user,
      date: unixTime(),
      old_chat_member: member(from),
      new_chat_member: member(to),
    };
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Updates

  private enqueue(content: Omit<Update, 'update_id'>): Update {
    const update = { update_id: this.nextUpdateId++, ...content } as Update;
    this.pending.push({ update, redelivery: false, handedOut: false });
    this.events.emit('update', update);
    this.dispatchPending();
    return update;
  }

  private dispatchPending(): void {
    if (this.stopped) return;
    if (this.webhook) {
      void this.deliverLoop();
      return;
    }
    if (this.poll) {
      const ready = this.takeReady(this.poll.limit, this.allowedUpdates);
      if (ready.length > 0) this.poll.finish(ready);
    }
  }

  /** Posts pending updates to the webhook one at a time, in order, retrying a refused one until it is accepted. */
  private async deliverLoop(): Promise<void> {
    if (this.delivering) return;
    this.delivering = true;
    try {
      while (this.webhook && !this.stopped) {
        const hook = this.webhook;
        const [next] = this.takeReady(1, hook.allowedUpdates);
        if (!next) break;
        const outcome = await this.post(hook, next);
        this.deliveries.push({
          updateId: next.update_id,
          url: hook.url,
          secretToken: hook.secretToken,
          time: new Date(),
          status: outcome.status,
          error: outcome.error,
          ok: outcome.ok,
        });
        this.events.emit('delivery');
        if (outcome.ok) {
          this.pending = this.pending.filter((entry) => entry.update !== next);
          this.events.emit('handled');
          if (outcome.reply) await this.webhookReply(outcome.reply);
        } else {
          this.webhookLastError = {
            date: unixTime(),
            message:
              outcome.status !== undefined
                ? `Wrong response from the webhook: ${outcome.status} ${statusTexts[outcome.status] ?? ''}`.trim()
                : (outcome.error ?? 'Connection failed'),
          };
          await this.sleep(this.webhookRetryDelayMs);
        }
      }
    } finally {
      this.delivering = false;
    }
  }

  private post(
    hook: WebhookConfig,
    update: Update,
  ): Promise<{ ok: boolean; status?: number; error?: string; reply?: Params }> {
    return new Promise((resolve) => {
      const body = JSON.stringify(update);
      const headers: Record<string, string | number> = {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        connection: 'close',
      };
      if (hook.secretToken) headers['X-Telegram-Bot-Api-Secret-Token'] = hook.secretToken;
      const send = hook.url.startsWith('https:') ? httpsRequest : httpRequest;
      let settled = false;
      const done = (outcome: { ok: boolean; status?: number; error?: string; reply?: Params }): void => {
        if (settled) return;
        settled = true;
        this.webhookRequests.delete(handle);
        resolve(outcome);
      };
      const request = send(hook.url, { method: 'POST', headers, agent: false, timeout: this.webhookTimeoutMs });
      const handle = { destroy: () => request.destroy(new Error('double stopped')) };
      this.webhookRequests.add(handle);
      request.on('response', (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', (error) => done({ ok: false, error: String(error) }));
        response.on('end', () => {
          const status = response.statusCode ?? 0;
          const ok = status >= 200 && status < 300;
          let reply: Params | undefined;
          if (ok && chunks.length) {
            try {
              const parsed: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8'));
              if (parsed && typeof parsed === 'object' && typeof (parsed as Params)['method'] === 'string') {
                reply = parsed as Params;
              }
            } catch {
              // A webhook may answer anything; only a JSON method call means something to Telegram.
            }
          }
          done({ ok, status, reply });
        });
      });
      request.on('timeout', () => request.destroy(new Error('Timeout expired')));
      request.on('error', (error) => done({ ok: false, error: error.message }));
      request.end(body);
    });
  }

  /** A bot may answer a webhook POST with one method call in the body (telegraf's webhookReply does so). */
  private async webhookReply(reply: Params): Promise<void> {
    const { method: requested, ...params } = reply;
    const method = this.canonicalMethod(String(requested));
    const call: RecordedCall = {
      method: method ?? String(requested),
      params,
      token: this.token,
      time: new Date(),
      status: 'pending',
      via: 'webhook-reply',
    };
    this.recordedCalls.push(call);
    if (!method || method === 'getUpdates') {
      this.finishCall(call, undefined, new ApiError(404, 'Not Found: method not found'));
      return;
    }
    try {
      this.finishCall(call, undefined, await this.execute(method, params));
    } catch (error) {
      this.finishCall(call, undefined, error instanceof ApiError ? error : new ApiError(500, String(error)));
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const entry = {
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
        wake: () => resolve(),
      };
      this.timers.add(entry);
    });
  }

  private waitUntil<T>(
    check: () => T | undefined,
    events: string[],
    timeoutMs: number,
    describeWait: () => string,
  ): Promise<T> {
    const found = check();
    if (found !== undefined) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const listener = (): void => {
        const value = check();
        if (value === undefined) return;
        cleanup();
        resolve(value);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`TelegramBotApiDouble: timed out after ${timeoutMs} ms waiting for ${describeWait()}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        for (const event of events) this.events.off(event, listener);
      };
      for (const event of events) this.events.on(event, listener);
    });
  }
}

/** A successful result that Telegram accompanies with a description (setWebhook, deleteWebhook). */
class Described {
  constructor(
    readonly result: unknown,
    readonly description: string,
  ) {}
}

function commandKey(scope: unknown, languageCode: string): string {
  const normalized = scope && typeof scope === 'object' ? scope : { type: 'default' };
  return `${JSON.stringify(normalized)}|${languageCode}`;
}

function isInlineKeyboard(markup: unknown): boolean {
  return typeof markup === 'object' && markup !== null && 'inline_keyboard' in markup;
}

function hasButton(markup: unknown, callbackData: string): boolean {
  if (!isInlineKeyboard(markup)) return false;
  const rows = (markup as { inline_keyboard: unknown }).inline_keyboard;
  return (
    Array.isArray(rows) &&
    rows.some(
      (row) =>
        Array.isArray(row) &&
        row.some((button) => (button as { callback_data?: unknown } | null)?.callback_data === callbackData),
    )
  );
}

function describe(message: SentMessage): string {
  return `#${message.messageId} to ${message.chatId}: ${message.text}`;
}
