import { EventEmitter } from 'node:events';
import { randomBytes } from 'node:crypto';
import { type ServerResponse } from 'node:http';
import { ApiError, Described, badRequest, statusTexts } from './api-error';
import {
  ChatModel,
  type CallbackAnswer,
  type DocumentOptions,
  type PersonOptions,
  type PhotoOptions,
  type PersonRef,
  type SentFile,
  type SentMessage,
  type TelegramGroup,
  type TelegramPerson,
} from './chat-model';
import { FileStore, mimeTypeOf, type TelegramFile } from './file-store';
import { BotApiHttpServer, respond, type BotApiRequest, type FileRequest } from './http-server';
import { RateLimiter, type RateLimits } from './rate-limiter';
import { objectParam, stringParam } from './request-params';
import { checkWebAppUrl } from './web-app-url';
import { type BotCommand, type Params, type Update, type User } from './types';
import { UpdateDelivery, type WebhookDelivery } from './update-delivery';

export type {
  CallbackAnswer,
  DocumentOptions,
  PersonOptions,
  PersonRef,
  PhotoOptions,
  SentFile,
  SentMessage,
  TelegramGroup,
  TelegramPerson,
} from './chat-model';
export type { FileKind, TelegramFile } from './file-store';
export type { RateLimits } from './rate-limiter';
export type { WebhookDelivery } from './update-delivery';

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

/** What an injected failure answers: an HTTP error with Telegram's error body, or a connection cut without answer. */
export type Failure = { status: number; description?: string; retryAfter?: number } | 'drop';

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

/** One request to `/file/bot<token>/<file_path>`, as the double answered it. */
export interface FileDownload {
  readonly filePath: string;
  readonly token: string;
  readonly time: Date;
  /** 200, 401 for a wrong token, 404 for a path getFile did not give. */
  readonly status: number;
  /** The file served, when found. */
  readonly file?: TelegramFile;
}

/** A message the bot sent with a file (sendDocument, sendPhoto). */
export type SentFileMessage = SentMessage & { readonly file: SentFile };

interface FailureRule {
  remaining: number;
  failure: Failure;
  method?: string;
}

/** Methods the double accepts and ignores, so that bot start-up code calling them does not fail on a 404. */
/**
 * How long the waits wait by default. Generous, because a wait ends as soon as its condition holds: only a test that
 * is failing anyway waits this long, and a busy machine never makes a passing one fail.
 */
const DEFAULT_WAIT_MS = 15_000;

const acceptedNoOps = [
  'setMyDescription',
  'setMyShortDescription',
  'setMyName',
  'setMyDefaultAdministratorRights',
  'logOut',
  'close',
];

/**
 * An HTTP stand-in for api.telegram.org with Telegram's semantics (long polling, webhooks, flood limits, HTML
 * parsing, blocked users), so the real API process can be tested end to end without the network, and a test can
 * play the people writing to the bot. A facade over its parts: the HTTP server (`BotApiHttpServer`), the people and
 * chats (`ChatModel`), the update queue with polling and webhooks (`UpdateDelivery`) and the flood limits
 * (`RateLimiter`); it owns the tokens, the Bot API method table, the record of calls and injected failures.
 */
export class TelegramBotApiDouble {
  private readonly tokens: string[];
  private readonly botId: number;
  readonly botUsername: string;
  readonly botFirstName: string;

  private readonly events = new EventEmitter();
  private readonly server: BotApiHttpServer;
  private readonly limiter: RateLimiter;
  private readonly chats: ChatModel;
  private readonly updates: UpdateDelivery;
  private readonly files = new FileStore();
  private fileDownloads: FileDownload[] = [];

  private recordedCalls: RecordedCall[] = [];
  private failures: FailureRule[] = [];
  private readonly commandSets = new Map<string, BotCommand[]>();
  private defaultMenuButton: Record<string, unknown> = { type: 'commands' };

  constructor(options: TelegramBotApiDoubleOptions = {}) {
    const token = options.token ?? `6000000001:${randomBytes(27).toString('base64url').slice(0, 35)}`;
    this.tokens = [token, ...(options.tokens ?? [])];
    this.botId = Number(/^(\d+):/.exec(token)?.[1] ?? 6000000001);
    this.botUsername = options.username ?? 'deskgram_test_bot';
    this.botFirstName = options.firstName ?? 'Deskgram Test';
    this.server = new BotApiHttpServer((call) => this.handle(call), {
      serveFile: (download) => this.serveFile(download),
    });
    this.limiter = new RateLimiter(options.limits);
    this.chats = new ChatModel({
      bot: this.bot,
      strictHtmlAmpersand: options.strictHtmlAmpersand ?? true,
      limiter: this.limiter,
      files: this.files,
      events: this.events,
    });
    this.updates = new UpdateDelivery({
      maxPollSeconds: options.maxPollSeconds ?? 50,
      webhookRetryDelayMs: options.webhookRetryDelayMs ?? 200,
      webhookTimeoutMs: options.webhookTimeoutMs ?? 5000,
      events: this.events,
      webhookReply: (reply) => this.webhookReply(reply),
    });
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Lifecycle

  /** Listens on 127.0.0.1 on a port the system picks (port 0); `url` is usable once this resolves. */
  async start(): Promise<void> {
    if (this.server.listening) throw new Error('TelegramBotApiDouble already started');
    this.updates.start();
    await this.server.start();
  }

  /** Ends long polls, webhook retries and every socket, so that Jest can exit without open handles. */
  async stop(): Promise<void> {
    this.updates.stop();
    await this.server.stop();
  }

  /** Base URL (`http://127.0.0.1:PORT`), to be given to the bot as its API root (telegraf's `apiRoot`). */
  get url(): string {
    return this.server.url;
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
    this.limiter.setLimits(limits);
  }

  /**
   * Forgets messages (the bot's and the people's), reactions, calls, file downloads, webhook deliveries, callback
   * answers, flood windows and injected failures between tests; keeps persons (and their blocked state), pending
   * updates, the webhook, the message id counters, the callback query ids issued and the files, which are Telegram's
   * state rather than the test's.
   */
  reset(): void {
    this.chats.reset();
    this.recordedCalls = [];
    this.fileDownloads = [];
    this.updates.reset();
    this.failures = [];
    this.limiter.reset();
  }

  // ---------------------------------------------------------------------------------------------------------------
  // Persons and what they do

  /** Creates (or returns the existing) Telegram user with that id. */
  person(options: PersonOptions): TelegramPerson {
    return this.chats.person(options);
  }

  /**
   * Creates (or returns the existing) group chat the bot is a member of, so that persons can write commands there
   * with `sendTextInGroup` and the bot's answers to it can be read with `sentTo(group.chatId)`.
   */
  group(options: { title: string; id?: number; type?: 'group' | 'supergroup' }): TelegramGroup {
    return this.chats.group(options);
  }

  /** The person writes `text` in the group; a leading `/command` (or `/command@bot`) gets its bot_command entity. */
  async sendTextInGroup(group: TelegramGroup, person: PersonRef, text: string): Promise<Update> {
    return this.updates.enqueue({ message: this.chats.groupMessage(group, person, text) });
  }

  /** Whether the person currently blocks the bot. */
  isBlocked(person: PersonRef): boolean {
    return this.chats.isBlocked(person);
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
    if (this.chats.isBlocked(person)) await this.unblockBot(person);
    const text = payload === undefined ? '/start' : `/start ${payload}`;
    return this.updates.enqueue({ message: this.chats.writeToBot(person, text) });
  }

  /** The person writes `text` to the bot; a leading `/command` gets its bot_command entity as in Telegram. */
  async sendText(person: PersonRef, text: string): Promise<Update> {
    this.assertMayWrite(person);
    return this.updates.enqueue({ message: this.chats.writeToBot(person, text) });
  }

  /**
   * The person uses Reply on `target`, a message the bot sent to their chat, and writes `text`: a new message (with
   * its bot_command entity as in `sendText`) whose `reply_to_message` is the target as it is now, one level deep.
   * Throws when the target is not in the person's chat or is deleted.
   */
  async replyTo(person: PersonRef, target: SentMessage, text: string): Promise<Update> {
    this.assertMayWrite(person);
    return this.updates.enqueue({ message: this.chats.replyTo(person, target, text) });
  }

  /**
   * A modified client sends a reply whose `reply_to_message` claims a bot message `messageId` in the person's chat
   * that is not there (`{ message_id, date, chat, from: bot, text: '' }`), for tests of forged replies.
   */
  async forgeReply(person: PersonRef, messageId: number, text: string): Promise<Update> {
    this.assertMayWrite(person);
    return this.updates.enqueue({ message: this.chats.forgedReply(person, messageId, text) });
  }

  /**
   * The person edits a text message they wrote earlier (`original.message`): an `edited_message` update with the same
   * message_id, the new text and `edit_date`. Throws for another person's message or a deleted one.
   */
  async editText(person: PersonRef, original: Update, text: string): Promise<Update> {
    if (!original.message) throw new Error(`Update ${original.update_id} carries no message to edit`);
    this.assertMayWrite(person);
    return this.updates.enqueue({ edited_message: this.chats.editedText(person, original.message, text) });
  }

  /**
   * The person sends a file as a document (`document`: file_id, file_unique_id, file_name, mime_type, file_size),
   * with an optional caption; `replyTo` makes it a Reply to a bot message in their chat, as `replyTo` does. The bot
   * can download `content` (or bytes made up to `size`) with getFile; over 20 MB getFile refuses it, as Telegram does.
   */
  async sendDocument(person: PersonRef, options: DocumentOptions): Promise<Update> {
    this.assertMayWrite(person);
    return this.updates.enqueue({ message: this.chats.documentMessage(person, options) });
  }

  /**
   * The person sends a photo (`photo`: two PhotoSize, fitted into 320 px and the full `width` × `height`, default
   * those of `content` or 1280 × 960), with an optional caption and `replyTo` as in `sendDocument`. Each size is a
   * file the bot can download: `content`, or a plain grey JPEG of that size.
   */
  async sendPhoto(person: PersonRef, options: PhotoOptions = {}): Promise<Update> {
    this.assertMayWrite(person);
    return this.updates.enqueue({ message: this.chats.photoMessage(person, options) });
  }

  /**
   * The person taps an inline button with this callback_data. Telegram only lets people press buttons that exist, so
   * the button is looked up in the messages sent to that chat (the newest carrying it, or `options.message`). With
   * `forged: true` a modified client sends any callback_data: nothing is looked up, and the query names
   * `options.message` or else the newest message the bot sent to the person's chat that is not deleted.
   */
  async pressButton(
    person: PersonRef,
    callbackData: string,
    options: { message?: SentMessage; forged?: boolean } = {},
  ): Promise<Update> {
    const query = options.forged
      ? this.chats.forgedButtonPress(person, callbackData, options.message)
      : this.chats.buttonPress(person, callbackData, options.message);
    return this.updates.enqueue({ callback_query: query });
  }

  /** The person blocks the bot: sendMessage to them answers 403 from now on; the bot gets a `my_chat_member` update. */
  async blockBot(person: PersonRef): Promise<Update> {
    return this.updates.enqueue({ my_chat_member: this.chats.setBlocked(person, true) });
  }

  /** The person unblocks the bot; the bot gets a `my_chat_member` update (kicked → member). */
  async unblockBot(person: PersonRef): Promise<Update> {
    return this.updates.enqueue({ my_chat_member: this.chats.setBlocked(person, false) });
  }

  /**
   * Delivers the same update (same update_id) once more, as Telegram does when the bot took too long to confirm it,
   * so that tests can prove the bot handles each update once.
   */
  async redeliver(update: Update): Promise<Update> {
    return this.updates.redeliver(update);
  }

  /**
   * Queues any other update (edited_message, chat_member, ...); update_id is assigned here. The id of a
   * callback_query in it counts as issued, so the bot may answer it.
   */
  async pushUpdate(update: Omit<Update, 'update_id'>): Promise<Update> {
    const queryId = (update as Update).callback_query?.id;
    if (queryId !== undefined) this.chats.rememberCallbackQuery(queryId);
    return this.updates.enqueue(update);
  }

  /**
   * Resolves once the update has left the queue: confirmed by a later getUpdates offset (telegraf asks for the next
   * batch only after handling the previous one) or accepted by the webhook with a 2xx. Lets a test wait for "the bot
   * has handled this" without sleeping.
   */
  async waitUntilHandled(update: Update, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    await this.waitUntil(
      () => (this.updates.isPending(update) ? undefined : true),
      ['handled'],
      timeoutMs,
      () => `update ${update.update_id} to be handled (pending updates: ${this.updates.pendingUpdates.length})`,
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
    return this.chats.sentTo(chat);
  }

  /** Every message accepted, in order. */
  get messages(): readonly SentMessage[] {
    return this.chats.messages;
  }

  /** A file people or the bot sent, by its file_id or file_unique_id. */
  file(id: string): TelegramFile | undefined {
    return this.files.find(id);
  }

  /** Every request for a file's bytes (`/file/bot<token>/<file_path>`), in order. */
  get downloads(): readonly FileDownload[] {
    return this.fileDownloads;
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
    return this.updates.webhookDeliveries;
  }

  /** The answerCallbackQuery calls, to assert that every button press got its answer. */
  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.chats.callbackAnswers;
  }

  /** Resolves with the bot's answer (already given or to come) to the callback query of `update` (a button press). */
  async waitForCallbackAnswer(update: Update, timeoutMs = DEFAULT_WAIT_MS): Promise<CallbackAnswer> {
    const id = update.callback_query?.id;
    if (id === undefined) throw new Error(`Update ${update.update_id} carries no callback_query`);
    return this.waitUntil(
      () => this.callbackAnswers.find((answer) => answer.callbackQueryId === id),
      ['callback-answer'],
      timeoutMs,
      () =>
        `an answer to callback query ${id}; answered so far: ${JSON.stringify(
          this.callbackAnswers.map((answer) => answer.callbackQueryId),
        )}`,
    );
  }

  /** The emojis the bot set with setMessageReaction on that message of the chat (empty when none). */
  reactionsOn(person: PersonRef, messageId: number): string[] {
    return this.chats.reactionsOn(person, messageId);
  }

  /** Updates not yet confirmed by the bot. */
  get pendingUpdates(): readonly Update[] {
    return this.updates.pendingUpdates;
  }

  /** The webhook currently set, if any. */
  get webhookUrl(): string | undefined {
    return this.updates.webhookUrl;
  }

  /** The bot's default menu button, as setChatMenuButton left it (`{ type: 'commands' }` until set). */
  get menuButton(): Record<string, unknown> {
    return { ...this.defaultMenuButton };
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
  async waitFor(predicate: (message: SentMessage) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<SentMessage> {
    return this.waitUntil(
      () => this.messages.find(predicate),
      ['message'],
      timeoutMs,
      () =>
        `a message matching ${predicate.toString()}; messages sent so far: ${JSON.stringify(this.messages.map(describe))}`,
    );
  }

  /** Resolves with the first message to that person (already sent or to come) matching `predicate`, if given. */
  async waitForMessage(
    person: PersonRef,
    predicate: (message: SentMessage) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SentMessage> {
    const chatId = typeof person === 'number' ? person : person.chatId;
    return this.waitUntil(
      () => this.messages.find((message) => message.chatId === chatId && predicate(message)),
      ['message'],
      timeoutMs,
      () =>
        `a message to chat ${chatId} matching ${predicate.toString()}; messages sent to that chat: ${JSON.stringify(
          this.sentTo(chatId).map(describe),
        )}`,
    );
  }

  /**
   * Resolves with the first message with a file (sendDocument, sendPhoto) to that chat (already sent or to come)
   * matching `predicate`, if given.
   */
  async waitForFile(
    chat: PersonRef,
    predicate: (message: SentFileMessage) => boolean = () => true,
    timeoutMs = DEFAULT_WAIT_MS,
  ): Promise<SentFileMessage> {
    const chatId = typeof chat === 'number' ? chat : chat.chatId;
    const matches = (message: SentMessage): message is SentFileMessage =>
      message.chatId === chatId && message.file !== undefined && predicate(message as SentFileMessage);
    return this.waitUntil(
      () => this.messages.find(matches),
      ['message'],
      timeoutMs,
      () =>
        `a file message to chat ${chatId} matching ${predicate.toString()}; messages sent to that chat: ${JSON.stringify(
          this.sentTo(chatId).map(describe),
        )}`,
    );
  }

  /** Resolves with the first call (already received or to come) matching `predicate`. */
  async waitForCall(predicate: (call: RecordedCall) => boolean, timeoutMs = DEFAULT_WAIT_MS): Promise<RecordedCall> {
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
  // Handling a call

  private async handle({ token, method: requested, params, request, response }: BotApiRequest): Promise<void> {
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
    if (response) respond(response, outcome);
    this.events.emit('call', call);
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
    getUpdates: (params, response) => this.updates.getUpdates(params, response),
    setWebhook: (params) => this.updates.setWebhook(params),
    deleteWebhook: (params) => this.updates.deleteWebhook(params),
    getWebhookInfo: () => this.updates.getWebhookInfo(),
    sendMessage: (params) => this.chats.sendMessage(params),
    sendDocument: (params) => this.chats.sendDocument(params),
    sendPhoto: (params) => this.chats.sendPhoto(params),
    getFile: (params) => this.files.getFile(params),
    editMessageText: (params) => this.chats.editMessageText(params),
    editMessageReplyMarkup: (params) => this.chats.editMessageReplyMarkup(params),
    deleteMessage: (params) => this.chats.deleteMessage(params),
    sendChatAction: (params) => this.chats.sendChatAction(params),
    getChat: (params) => this.chats.getChat(params),
    answerCallbackQuery: (params) => this.chats.answerCallbackQuery(params),
    setMessageReaction: (params) => this.chats.setMessageReaction(params),
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
    setChatMenuButton: (params) => {
      if (params['chat_id'] !== undefined) throw badRequest('the double keeps the default menu button only');
      const button = objectParam(params['menu_button']) as Record<string, unknown> | undefined;
      const type = button?.['type'] ?? 'default';
      if (type === 'web_app') {
        const webApp = button?.['web_app'] as { url?: unknown } | undefined;
        if (typeof button?.['text'] !== 'string' || button['text'] === '') throw badRequest('BUTTON_TEXT_INVALID');
        checkWebAppUrl(webApp?.url);
      } else if (type !== 'default' && type !== 'commands') {
        throw badRequest('BUTTON_TYPE_INVALID');
      }
      this.defaultMenuButton = type === 'default' ? { type: 'commands' } : (button as Record<string, unknown>);
      return true;
    },
    getChatMenuButton: () => this.menuButton,
    getMyCommands: (params) =>
      this.commandSets.get(commandKey(params['scope'], stringParam(params['language_code']) ?? '')) ?? [],
    deleteMyCommands: (params) => {
      this.commandSets.delete(commandKey(params['scope'], stringParam(params['language_code']) ?? ''));
      return true;
    },
    ...Object.fromEntries(acceptedNoOps.map((name) => [name, () => true])),
  };

  private assertMayWrite(person: PersonRef): void {
    if (!this.chats.isBlocked(person)) return;
    const id = typeof person === 'number' ? person : person.id;
    throw new Error(`Person ${id} blocks the bot and cannot write to it: call unblockBot or pressStart`);
  }

  private canonicalMethod(requested: string): string | undefined {
    const lower = requested.toLowerCase();
    return Object.keys(this.methods).find((name) => name.toLowerCase() === lower);
  }

  private async execute(method: string, params: Params, response?: ServerResponse): Promise<unknown> {
    return this.methods[method](params, response);
  }

  /** Serves a file's bytes at the path getFile gave, for the valid token only, as Telegram's file server does. */
  private serveFile({ token, filePath, request, response }: FileRequest): void {
    const file = this.tokens.includes(token) ? this.files.findByPath(filePath) : undefined;
    const status = !this.tokens.includes(token) ? 401 : file?.content ? 200 : 404;
    this.fileDownloads.push({ filePath, token, time: new Date(), status, file });
    if (status !== 200 || !file?.content) {
      respond(response, new ApiError(status, statusTexts[status]));
      return;
    }
    response.writeHead(200, {
      'content-type': mimeTypeOf(filePath),
      'content-length': file.content.length,
    });
    response.end(request.method === 'HEAD' ? undefined : file.content);
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

function commandKey(scope: unknown, languageCode: string): string {
  const normalized = scope && typeof scope === 'object' ? scope : { type: 'default' };
  return `${JSON.stringify(normalized)}|${languageCode}`;
}

function describe(message: SentMessage): string {
  const file = message.file ? ` [${message.file.kind}${message.file.fileName ? ` ${message.file.fileName}` : ''}]` : '';
  return `#${message.messageId} to ${message.chatId}:${file} ${message.text}`;
}
