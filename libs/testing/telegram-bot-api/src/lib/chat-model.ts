import { type EventEmitter } from 'node:events';
import { ApiError, badRequest, unixTime } from './api-error';
import { maxDownloadBytes, mimeTypeOf, type FileKind, type FileStore, type TelegramFile } from './file-store';
import { HtmlMarkupError, parseHtml, trimText, type ParsedText } from './html-markup';
import { greyJpeg, imageInfo } from './images';
import { checkWebAppUrl } from './web-app-url';
import { type RateLimiter } from './rate-limiter';
import { boolParam, intParam, isUploadedFile, objectParam, stringParam, type UploadedFile } from './request-params';
import {
  type CallbackQuery,
  type Chat,
  type ChatMemberUpdated,
  type Document,
  type Message,
  type MessageEntity,
  type Params,
  type PhotoSize,
  type User,
} from './types';

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
  /** The message it answers (reply_parameters or reply_to_message_id), when it answers one. */
  readonly replyToMessageId?: number;
  /** The file of a sendDocument or sendPhoto message (the largest size of a photo); `text` is then its caption. */
  readonly file?: SentFile;
  editedAt?: Date;
  deleted: boolean;
}

/** A file the bot sent, with how it gave it. */
export interface SentFile {
  readonly kind: FileKind;
  /** How the bot gave it: uploaded bytes (multipart), the file_id of a known file, or an http(s) URL. */
  readonly source: 'upload' | 'file_id' | 'url';
  readonly fileId: string;
  readonly fileUniqueId: string;
  /** The upload's file name (a document's `file_name`), or the last part of the URL. */
  readonly fileName?: string;
  readonly mimeType?: string;
  /** In bytes; undefined for a URL. */
  readonly size?: number;
  /** The bytes; undefined for a URL and for a known file stored without them. */
  readonly content?: Buffer;
  readonly url?: string;
}

export interface CallbackAnswer {
  readonly callbackQueryId: string;
  readonly text?: string;
  readonly showAlert: boolean;
  readonly url?: string;
  readonly time: Date;
}

/** A file the person sends as a document. */
export interface DocumentOptions {
  fileName: string;
  mimeType: string;
  /**
   * In bytes; the length of `content`, else 1024, when omitted. Up to 2 GB as Telegram takes; over 20 MB (which bots
   * may not download) no bytes are kept unless `content` is given.
   */
  size?: number;
  /** The bytes the bot downloads; made up from the file name to `size` when omitted. */
  content?: Buffer;
  caption?: string;
  /** A message the bot sent to the person's chat, answered with Telegram's Reply. */
  replyTo?: SentMessage;
}

/** A picture the person sends as a photo (Telegram gives the bot two sizes of it). */
export interface PhotoOptions {
  caption?: string;
  /**
   * The picture (PNG, JPEG, GIF or WebP), which every size carries; when omitted, each size is a plain grey JPEG of
   * its own width and height.
   */
  content?: Buffer;
  /** Of the largest size; those of `content`, else 1280 × 960, when omitted. */
  width?: number;
  height?: number;
  /** A message the bot sent to the person's chat, answered with Telegram's Reply. */
  replyTo?: SentMessage;
}

interface PersonState {
  person: TelegramPerson;
  blocked: boolean;
  started: boolean;
  lastMessageId: number;
  deletedMessageIds: Set<number>;
}

/** The emojis a bot may react with (ReactionTypeEmoji in the Bot API documentation). */
// prettier-ignore
const reactionEmojis = new Set([
  '👍', '👎', '❤', '🔥', '🥰', '👏', '😁', '🤔', '🤯', '😱', '🤬', '😢', '🎉', '🤩', '🤮', '💩', '🙏', '👌', '🕊',
  '🤡', '🥱', '🥴', '😍', '🐳', '❤\u200d🔥', '🌚', '🌭', '💯', '🤣', '⚡', '🍌', '🏆', '💔', '🤨', '😐', '🍓', '🍾',
  '💋', '🖕', '😈', '😴', '😭', '🤓', '👻', '👨\u200d💻', '👀', '🎃', '🙈', '😇', '😨', '🤝', '✍', '🤗', '🫡', '🎅',
  '🎄', '☃', '💅', '🤪', '🗿', '🆒', '💘', '🙉', '🦄', '😘', '💊', '🙊', '😎', '👾', '🤷\u200d♂', '🤷',
  '🤷\u200d♀', '😡',
]);

const notModified =
  'message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

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

export interface ChatModelOptions {
  /** The bot as a Bot API `User`, the sender of its messages. */
  bot: User;
  /** Refuse a bare `&` in HTML text. */
  strictHtmlAmpersand: boolean;
  limiter: RateLimiter;
  /** The files people and the bot sent. */
  files: FileStore;
  /** Where `message` is emitted for every accepted or edited message, `callback-answer` for every answer. */
  events: EventEmitter;
}

/**
 * What Telegram knows of people and chats: the persons and groups a test plays, whether a person started or blocks
 * the bot, every message the bot sent (with edits and deletions), the messages people wrote (for replies and
 * reactions), the callback queries issued and their answers, and the bot's reactions. The bot-side methods
 * (sendMessage, editMessageText, ...) validate as Telegram does and throw `ApiError`s; the person-side ones build
 * what the person does, for the update queue to carry.
 */
export class ChatModel {
  private readonly persons = new Map<number, PersonState>();
  private readonly groups = new Map<number, { group: TelegramGroup; lastMessageId: number }>();
  private nextGroupId = 4000000001;
  private nextPersonId = 7000000001;
  private nextCallbackQueryId = 1;
  private sent: SentMessage[] = [];
  /** What people wrote in private chats and groups, latest version. */
  private received: Message[] = [];
  private answers: CallbackAnswer[] = [];
  /** Callback query ids handed to the bot, and those it answered (Telegram takes one answer). */
  private readonly issuedQueryIds = new Set<string>();
  private readonly answeredQueryIds = new Set<string>();
  /** The bot's reactions by `chatId:messageId`. */
  private reactions = new Map<string, string[]>();
  /** Every size of a photo, by the file_id of each, so that a photo sent again by file_id keeps its sizes. */
  private readonly photoSizes = new Map<string, PhotoSize[]>();

  constructor(private readonly options: ChatModelOptions) {}

  private get bot(): User {
    return { ...this.options.bot };
  }

  private get events(): EventEmitter {
    return this.options.events;
  }

  /**
   * Forgets messages (sent and received), callback answers and reactions; keeps persons, groups, message id
   * counters and which callback queries were issued and answered.
   */
  reset(): void {
    this.sent = [];
    this.received = [];
    this.answers = [];
    this.reactions = new Map();
  }

  /** Every message accepted, in order. */
  get messages(): readonly SentMessage[] {
    return this.sent;
  }

  /** The answerCallbackQuery calls. */
  get callbackAnswers(): readonly CallbackAnswer[] {
    return this.answers;
  }

  /** Messages accepted for that chat, oldest first (deleted ones included, flagged). */
  sentTo(chat: PersonRef): SentMessage[] {
    const chatId = typeof chat === 'number' ? chat : chat.chatId;
    return this.sent.filter((message) => message.chatId === chatId);
  }

  // ---------------------------------------------------------------------------------------------------------------
  // People and what they do

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

  /** The message a person writes in a group; a leading `/command` (or `/command@bot`) gets its entity. */
  groupMessage(group: TelegramGroup, person: PersonRef, text: string): Message {
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
    this.received.push(message);
    return message;
  }

  /** Whether the person currently blocks the bot. */
  isBlocked(person: PersonRef): boolean {
    return this.state(person).blocked;
  }

  /** The person writes `text` (a start command or any text) in their chat with the bot, which opens that chat. */
  writeToBot(person: PersonRef, text: string): Message {
    return this.incomingMessage(this.state(person), { text });
  }

  /**
   * The person uses Reply on `target`, a message the bot sent to their chat: the reply carries that message as it is
   * now, one level deep. Throws when the message is not in the person's chat or is deleted (no Reply offered).
   */
  replyTo(person: PersonRef, target: SentMessage, text: string): Message {
    const state = this.state(person);
    return this.incomingMessage(state, { text, reply_to_message: this.replyableMessage(state, target) });
  }

  /**
   * A reply from a modified client: reply_to_message claims a bot message `messageId` in the person's chat that
   * Telegram never had there, with empty text.
   */
  forgedReply(person: PersonRef, messageId: number, text: string): Message {
    const state = this.state(person);
    const claimed: Message = {
      message_id: messageId,
      date: unixTime(),
      chat: state.person.chat,
      from: this.bot,
      text: '',
    };
    return this.incomingMessage(state, { text, reply_to_message: claimed });
  }

  /** The person edits a text message they wrote in their chat with the bot: same message_id, new text, edit_date. */
  editedText(person: PersonRef, original: Message, text: string): Message {
    const state = this.state(person);
    if (original.chat.id !== state.person.chatId || original.from?.id !== state.person.id) {
      throw new Error(`Person ${state.person.id} can only edit a message they wrote in their chat with the bot`);
    }
    if (state.deletedMessageIds.has(original.message_id)) {
      throw new Error(`Message #${original.message_id} is deleted and can no longer be edited`);
    }
    const index = this.received.findIndex(
      (message) => message.chat.id === state.person.chatId && message.message_id === original.message_id,
    );
    const current = index < 0 ? original : this.received[index];
    if (current.text === undefined) throw new Error(`Message #${original.message_id} has no text to edit`);
    const edited: Message = { ...current, text, edit_date: unixTime() };
    delete edited.entities;
    this.addCommandEntity(edited);
    if (index < 0) this.received.push(edited);
    else this.received[index] = edited;
    return edited;
  }

  /** The person sends a file as a document, with an optional caption, maybe as a Reply to a bot message. */
  documentMessage(person: PersonRef, options: DocumentOptions): Message {
    const state = this.state(person);
    if (options.fileName === '') throw new Error('A document needs a file name');
    const size = options.size ?? options.content?.length ?? 1024;
    if (!Number.isInteger(size) || size < 0 || size > 2 * 1024 ** 3) {
      throw new Error(`Telegram takes documents of 0 to 2 GB, not ${size} bytes`);
    }
    if (options.content && options.content.length !== size) {
      throw new Error(`The document's content has ${options.content.length} bytes, its size says ${size}`);
    }
    const content =
      options.content ?? (size > maxDownloadBytes ? undefined : Buffer.alloc(size, `${options.fileName}\n`));
    const file = this.options.files.add({
      kind: 'document',
      size,
      content,
      fileName: options.fileName,
      mimeType: options.mimeType,
    });
    const document: Document = {
      file_id: file.fileId,
      file_unique_id: file.fileUniqueId,
      file_name: options.fileName,
      mime_type: options.mimeType,
      file_size: size,
    };
    return this.incomingMessage(state, { document, ...this.mediaExtras(state, options) });
  }

  /**
   * The person sends a photo: two sizes (fitted into 320 px, and the full width × height), smallest first, each its
   * own file.
   */
  photoMessage(person: PersonRef, options: PhotoOptions): Message {
    const state = this.state(person);
    const picture = options.content === undefined ? undefined : imageInfo(options.content);
    if (options.content !== undefined && !picture) {
      throw new Error("A photo's content must be a PNG, JPEG, GIF or WebP picture");
    }
    const width = options.width ?? picture?.width ?? 1280;
    const height = options.height ?? picture?.height ?? 960;
    if (![width, height].every((side) => Number.isInteger(side) && side > 0)) {
      throw new Error(`A photo needs positive whole sides, not ${width} × ${height}`);
    }
    const photo = this.photoFiles(width, height, (w, h) => options.content ?? greyJpeg(w, h));
    return this.incomingMessage(state, { photo, ...this.mediaExtras(state, options) });
  }

  /** A photo's sizes (fitted into 320 px, then the full size), each kept as a file with the bytes `content` gives. */
  private photoFiles(
    width: number,
    height: number,
    content?: (w: number, h: number) => Buffer,
    url?: string,
  ): PhotoSize[] {
    const scale = Math.min(1, 320 / Math.max(width, height));
    const sides: [number, number][] = [
      [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))],
      [width, height],
    ];
    const sizes = sides.map(([w, h]): PhotoSize => {
      const bytes = content?.(w, h);
      const file = this.options.files.add({
        kind: 'photo',
        size: bytes?.length,
        content: bytes,
        mimeType: bytes ? `image/${imageInfo(bytes)?.type ?? 'jpeg'}` : undefined,
        url,
      });
      const size: PhotoSize = { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: w, height: h };
      if (bytes) size.file_size = bytes.length;
      return size;
    });
    for (const size of sizes) this.photoSizes.set(size.file_id, sizes);
    return sizes;
  }

  private mediaExtras(state: PersonState, options: { caption?: string; replyTo?: SentMessage }): Partial<Message> {
    const extras: Partial<Message> = {};
    if (options.caption !== undefined) {
      if (options.caption.length > 1024) throw new Error('Telegram takes captions of up to 1024 characters');
      extras.caption = options.caption;
    }
    if (options.replyTo) extras.reply_to_message = this.replyableMessage(state, options.replyTo);
    return extras;
  }

  /** The current version of a bot message the person may reply to, without its own reply_to_message. */
  private replyableMessage(state: PersonState, target: SentMessage): Message {
    const current = this.sent.find(
      (sent) => sent.chatId === state.person.chatId && sent.messageId === target.messageId,
    );
    if (target.chatId !== state.person.chatId || !current) {
      throw new Error(
        `Message #${target.messageId} to chat ${target.chatId} is not in the chat of person ${state.person.id}`,
      );
    }
    if (current.deleted) throw new Error(`Message #${target.messageId} is deleted: there is nothing to reply to`);
    return oneLevel(current.message);
  }

  /** Blocks or unblocks the bot for the person; the `my_chat_member` change the bot is told of. */
  setBlocked(person: PersonRef, blocked: boolean): ChatMemberUpdated {
    const state = this.state(person);
    state.blocked = blocked;
    return blocked ? this.memberChange(state, 'member', 'kicked') : this.memberChange(state, 'kicked', 'member');
  }

  /**
   * The person taps an inline button with this callback_data. Telegram only lets people press buttons that exist, so
   * the button is looked up in the messages sent to that chat (the newest carrying it, or `message`).
   */
  buttonPress(person: PersonRef, callbackData: string, message?: SentMessage): CallbackQuery {
    const state = this.state(person);
    const pressed =
      message ??
      [...this.sent]
        .reverse()
        .find(
          (sent) => sent.chatId === state.person.chatId && !sent.deleted && hasButton(sent.replyMarkup, callbackData),
        );
    if (!pressed || !hasButton(pressed.replyMarkup, callbackData)) {
      throw new Error(
        `No message sent to chat ${state.person.chatId} has a button with callback_data "${callbackData}"`,
      );
    }
    return this.callbackQuery(state, pressed, callbackData);
  }

  /**
   * A callback query from a modified client, which may send any callback_data: no button is looked up. It names
   * `message`, or else the newest message the bot sent to the person's chat that is not deleted.
   */
  forgedButtonPress(person: PersonRef, callbackData: string, message?: SentMessage): CallbackQuery {
    const state = this.state(person);
    const named =
      message ?? [...this.sent].reverse().find((sent) => sent.chatId === state.person.chatId && !sent.deleted);
    if (!named) throw new Error(`The bot sent no message to chat ${state.person.chatId} that a query could name`);
    return this.callbackQuery(state, named, callbackData);
  }

  /** Remembers a callback query id handed to the bot otherwise (a pushed update), so that it may be answered. */
  rememberCallbackQuery(id: string): void {
    this.issuedQueryIds.add(id);
  }

  private callbackQuery(state: PersonState, message: SentMessage, callbackData: string): CallbackQuery {
    const id = String(this.nextCallbackQueryId++ + 4_000_000_000_000);
    this.issuedQueryIds.add(id);
    return {
      id,
      from: state.person.user,
      message: message.message,
      chat_instance: String(-state.person.id),
      data: callbackData,
    };
  }

  /** The bot's reactions on a message in that chat, as emojis. */
  reactionsOn(chat: PersonRef, messageId: number): string[] {
    const chatId = typeof chat === 'number' ? chat : chat.chatId;
    return [...(this.reactions.get(`${chatId}:${messageId}`) ?? [])];
  }

  // ---------------------------------------------------------------------------------------------------------------
  // What the bot does

  sendChatAction(params: Params): true {
    this.writableChat(params['chat_id']);
    if (!chatActions.has(stringParam(params['action']) ?? '')) throw badRequest('wrong parameter action in request');
    return true;
  }

  getChat(params: Params): Chat {
    return this.knownChat(params['chat_id']).person.chat;
  }

  /** Telegram takes one answer per query, and only for a query it handed to the bot. */
  answerCallbackQuery(params: Params): true {
    const callbackQueryId = stringParam(params['callback_query_id']);
    if (!callbackQueryId || !this.issuedQueryIds.has(callbackQueryId) || this.answeredQueryIds.has(callbackQueryId)) {
      throw badRequest('query is too old and response timeout expired or query ID is invalid');
    }
    this.answeredQueryIds.add(callbackQueryId);
    const answer: CallbackAnswer = {
      callbackQueryId,
      text: stringParam(params['text']),
      showAlert: boolParam(params['show_alert']),
      url: stringParam(params['url']),
      time: new Date(),
    };
    this.answers.push(answer);
    this.events.emit('callback-answer', answer);
    return true;
  }

  /**
   * Bots (without Premium) set at most one reaction, from Telegram's emoji list, on a message that exists in the
   * chat (the bot's or a person's); an empty or missing list clears it.
   */
  setMessageReaction(params: Params): true {
    const chatId = this.reactableChat(params['chat_id']);
    const messageId = intParam(params['message_id']);
    if (messageId === undefined || !this.findMessage(chatId, messageId)) throw badRequest('MESSAGE_ID_INVALID');
    const reaction = params['reaction'] === undefined ? [] : objectParam(params['reaction']);
    if (!Array.isArray(reaction)) throw badRequest("can't parse reaction types JSON object");
    const emojis = reaction.map((item: unknown) => {
      const { type, emoji } = (item ?? {}) as { type?: unknown; emoji?: unknown };
      if (type !== 'emoji' || typeof emoji !== 'string' || !reactionEmojis.has(emoji)) {
        throw badRequest('REACTION_INVALID');
      }
      return emoji;
    });
    if (emojis.length > 1) throw badRequest('REACTIONS_TOO_MANY');
    if (emojis.length === 0) this.reactions.delete(`${chatId}:${messageId}`);
    else this.reactions.set(`${chatId}:${messageId}`, emojis);
    return true;
  }

  /** A group, or a person's chat the bot may write to. */
  private reactableChat(chatIdParam: unknown): number {
    const groupId = intParam(chatIdParam);
    if (groupId !== undefined && this.groups.has(groupId)) return groupId;
    return this.writableChat(chatIdParam).person.chatId;
  }

  sendMessage(params: Params): Message {
    const groupId = intParam(params['chat_id']);
    if (groupId !== undefined && this.groups.has(groupId)) return this.sendGroupMessage(groupId, params);
    const state = this.writableChat(params['chat_id']);
    const parsed = this.parseText(params);
    const markup = objectParam(params['reply_markup']);
    this.checkReplyMarkup(markup);
    const replied = this.repliedMessage(state.person.chatId, params);
    this.options.limiter.take(state.person.chatId);
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: this.bot,
      chat: state.person.chat,
      date: unixTime(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    if (replied) message.reply_to_message = oneLevel(replied);
    if (markup !== undefined && isInlineKeyboard(markup)) message.reply_markup = markup;
    if (params['link_preview_options'] !== undefined) message.link_preview_options = params['link_preview_options'];
    return this.record(state.person.chatId, message, parsed, params, markup);
  }

  /** sendDocument: an uploaded file, a known document's file_id or an http(s) URL, with an optional caption. */
  sendDocument(params: Params): Message {
    return this.sendFile('document', params);
  }

  /**
   * sendPhoto: an uploaded PNG, JPEG, GIF or WebP picture, a known photo's file_id or an http(s) URL, with an
   * optional caption.
   */
  sendPhoto(params: Params): Message {
    return this.sendFile('photo', params);
  }

  /** The rules of sendMessage (chat, markup, reply, flood limits), with the file in place of the text. */
  private sendFile(kind: FileKind, params: Params): Message {
    const target = this.targetChat(params['chat_id']);
    const media = this.mediaParam(kind, params);
    const caption = this.parseCaption(params);
    const markup = objectParam(params['reply_markup']);
    this.checkReplyMarkup(markup);
    const replied = this.repliedMessage(target.chatId, params);
    this.options.limiter.take(target.chatId);
    const message: Message = {
      message_id: target.nextMessageId(),
      from: this.bot,
      chat: target.chat,
      date: unixTime(),
    };
    const file = this.storeMedia(kind, media, message);
    if (caption.text !== '') message.caption = caption.text;
    if (caption.entities.length) message.caption_entities = caption.entities;
    if (replied) message.reply_to_message = oneLevel(replied);
    if (markup !== undefined && isInlineKeyboard(markup)) message.reply_markup = markup;
    const rawCaption = caption.text === '' ? '' : (stringParam(params['caption']) ?? '');
    return this.record(target.chatId, message, caption, params, markup, { file, rawText: rawCaption });
  }

  /** A group, or a person's chat the bot may write to, with its next message id. */
  private targetChat(chatIdParam: unknown): { chatId: number; chat: Chat; nextMessageId: () => number } {
    const groupId = intParam(chatIdParam);
    const group = groupId === undefined ? undefined : this.groups.get(groupId);
    if (group)
      return { chatId: group.group.chatId, chat: group.group.chat, nextMessageId: () => ++group.lastMessageId };
    const state = this.writableChat(chatIdParam);
    return { chatId: state.person.chatId, chat: state.person.chat, nextMessageId: () => ++state.lastMessageId };
  }

  /** The `document` or `photo` parameter, checked as Telegram does, not yet stored. */
  private mediaParam(kind: FileKind, params: Params): Media {
    let value = params[kind];
    if (typeof value === 'string' && value.startsWith('attach://')) value = params[value.slice('attach://'.length)];
    if (isUploadedFile(value)) {
      if (value.size === 0) throw badRequest('file must be non-empty');
      if (kind === 'document') return { source: 'upload', upload: value };
      const picture = imageInfo(value.content);
      if (!picture?.width || !picture.height) throw badRequest('IMAGE_PROCESS_FAILED');
      const { width, height } = picture;
      if (width + height > 10_000 || Math.max(width / height, height / width) > 20) {
        throw badRequest('PHOTO_INVALID_DIMENSIONS');
      }
      return { source: 'upload', upload: value, width, height };
    }
    if (value === undefined || value === '') throw badRequest(`there is no ${kind} in the request`);
    const text = typeof value === 'string' ? value.trim() : undefined;
    if (text !== undefined && /^https?:\/\/[^\s/]+/i.test(text)) return { source: 'url', url: text };
    const known = text === undefined ? undefined : this.options.files.findByFileId(text);
    if (!known) throw badRequest('wrong file identifier/HTTP URL specified');
    if (known.kind !== kind) throw badRequest(`can't use file of type ${typeName[known.kind]} as ${typeName[kind]}`);
    return { source: 'file_id', known };
  }

  /** Keeps the file (a new one unless given by file_id) and puts it on the message as Telegram does. */
  private storeMedia(kind: FileKind, media: Media, message: Message): SentFile {
    let file: TelegramFile;
    if (media.source === 'file_id') {
      file = media.known;
      if (kind === 'photo') {
        message.photo = this.photoSizes.get(file.fileId) ?? [
          { file_id: file.fileId, file_unique_id: file.fileUniqueId, width: 1280, height: 960 },
        ];
      }
    } else if (kind === 'photo') {
      // Telegram resizes the picture; the double keeps its bytes in every size. A URL's picture is not fetched.
      const sizes =
        media.source === 'upload'
          ? this.photoFiles(media.width ?? 1, media.height ?? 1, () => media.upload.content)
          : this.photoFiles(1280, 960, undefined, media.url);
      message.photo = sizes;
      file = this.options.files.find(sizes[sizes.length - 1].file_id) as TelegramFile;
      return sentFile(file, media.source, { fileName: media.source === 'upload' ? media.upload.filename : undefined });
    } else if (media.source === 'upload') {
      const { filename, contentType, content } = media.upload;
      const fileName = filename === '' ? 'document' : filename;
      file = this.options.files.add({
        kind,
        size: content.length,
        content,
        fileName,
        mimeType: contentType && contentType !== 'application/octet-stream' ? contentType : mimeTypeOf(fileName),
      });
    } else {
      const fileName = urlFileName(media.url);
      file = this.options.files.add({ kind, fileName, mimeType: mimeTypeOf(fileName), url: media.url });
    }
    if (kind === 'document') {
      const document: Document = { file_id: file.fileId, file_unique_id: file.fileUniqueId };
      if (file.fileName !== undefined) document.file_name = file.fileName;
      if (file.mimeType !== undefined) document.mime_type = file.mimeType;
      if (file.size !== undefined) document.file_size = file.size;
      message.document = document;
    }
    return sentFile(file, media.source);
  }

  /** An optional caption, parsed like a text; at most 1024 characters as the person sees it. */
  private parseCaption(params: Params): ParsedText {
    const raw = stringParam(params['caption']) ?? '';
    if (raw.trim() === '') return { text: '', entities: [] };
    const parsed = this.parseMarkup(raw, params['parse_mode'], params['caption_entities']);
    if (parsed.text.length > 1024) throw badRequest('message caption is too long');
    return parsed;
  }

  /** Groups need no Start and cannot block the bot; the flood limits count them like any chat. */
  private sendGroupMessage(chatId: number, params: Params): Message {
    const state = this.groups.get(chatId);
    if (!state) throw badRequest('chat not found');
    const parsed = this.parseText(params);
    const markup = objectParam(params['reply_markup']);
    this.checkReplyMarkup(markup);
    const replied = this.repliedMessage(chatId, params);
    this.options.limiter.take(chatId);
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: this.bot,
      chat: state.group.chat,
      date: unixTime(),
      text: parsed.text,
    };
    if (parsed.entities.length) message.entities = parsed.entities;
    if (replied) message.reply_to_message = oneLevel(replied);
    return this.record(chatId, message, parsed, params, markup);
  }

  /**
   * The message the bot answers, from `reply_parameters` (an object or its JSON) or the older `reply_to_message_id`:
   * one in that chat, the bot's or a person's, not deleted. When there is none, Telegram refuses unless
   * `allow_sending_without_reply` is set, and then sends a plain message.
   */
  private repliedMessage(chatId: number, params: Params): Message | undefined {
    let messageId: number | undefined;
    let allowWithoutReply = boolParam(params['allow_sending_without_reply']);
    if (params['reply_parameters'] !== undefined) {
      const replyParameters = objectParam(params['reply_parameters']);
      if (typeof replyParameters !== 'object' || replyParameters === null || Array.isArray(replyParameters)) {
        throw badRequest("can't parse reply parameters JSON object");
      }
      const given = replyParameters as Record<string, unknown>;
      if (given['chat_id'] !== undefined && intParam(given['chat_id']) !== chatId) {
        throw badRequest('replies to messages of other chats are not supported by the double');
      }
      messageId = intParam(given['message_id']);
      if (messageId === undefined) throw badRequest("can't parse reply parameters JSON object");
      if (given['allow_sending_without_reply'] !== undefined) {
        allowWithoutReply = boolParam(given['allow_sending_without_reply']);
      }
    } else {
      messageId = intParam(params['reply_to_message_id']);
      // reply_to_message_id 0 means no reply.
      if (!messageId) return undefined;
    }
    const replied = this.findMessage(chatId, messageId);
    if (replied || allowWithoutReply) return replied;
    throw badRequest('message to be replied not found');
  }

  /** A message in that chat as it is now, the bot's or a person's, unless deleted. */
  private findMessage(chatId: number, messageId: number): Message | undefined {
    const sent = this.sent.find((message) => message.chatId === chatId && message.messageId === messageId);
    if (sent) return sent.deleted ? undefined : sent.message;
    if (this.persons.get(chatId)?.deletedMessageIds.has(messageId)) return undefined;
    return this.received.find((message) => message.chat.id === chatId && message.message_id === messageId);
  }

  /** Keeps an accepted message, with what the bot asked for, and tells the listeners. */
  private record(
    chatId: number,
    message: Message,
    parsed: ParsedText,
    params: Params,
    markup: unknown,
    media?: { file: SentFile; rawText: string },
  ): Message {
    const sent: SentMessage = {
      chatId,
      messageId: message.message_id,
      text: parsed.text,
      rawText: media ? media.rawText : (stringParam(params['text']) ?? ''),
      parseMode: stringParam(params['parse_mode']),
      entities: parsed.entities,
      replyMarkup: markup,
      params,
      time: new Date(),
      message,
      replyToMessageId: message.reply_to_message?.message_id,
      ...(media ? { file: media.file } : {}),
      deleted: false,
    };
    this.sent.push(sent);
    this.events.emit('message', sent);
    return message;
  }

  editMessageText(params: Params): Message {
    if (params['inline_message_id'] !== undefined) throw badRequest('inline messages are not supported by the double');
    const state = this.writableChat(params['chat_id']);
    const sent = this.findSent(state, params['message_id'], 'message to edit not found');
    if (sent.file) throw badRequest('there is no text in the message to edit');
    const parsed = this.parseText(params);
    const markup = objectParam(params['reply_markup']);
    this.checkReplyMarkup(markup);
    if (
      parsed.text === sent.text &&
      JSON.stringify(parsed.entities) === JSON.stringify(sent.entities) &&
      JSON.stringify(markup) === JSON.stringify(sent.replyMarkup)
    ) {
      throw badRequest(notModified);
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

  editMessageReplyMarkup(params: Params): Message {
    const state = this.writableChat(params['chat_id']);
    const sent = this.findSent(state, params['message_id'], 'message to edit not found');
    const markup = objectParam(params['reply_markup']);
    this.checkReplyMarkup(markup);
    if (JSON.stringify(markup) === JSON.stringify(sent.replyMarkup)) throw badRequest(notModified);
    sent.replyMarkup = markup;
    sent.editedAt = new Date();
    const message: Message = { ...sent.message, edit_date: unixTime() };
    if (markup !== undefined && isInlineKeyboard(markup)) message.reply_markup = markup;
    else delete message.reply_markup;
    sent.message = message;
    this.events.emit('message', sent);
    return message;
  }

  deleteMessage(params: Params): boolean {
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
    const parsed = this.parseMarkup(raw, params['parse_mode'], params['entities']);
    if (parsed.text === '') throw badRequest('message text is empty');
    if (parsed.text.length > 4096) throw badRequest('message is too long');
    return parsed;
  }

  /** A text or caption as the person sees it: HTML parsed, Markdown kept as sent, given entities kept for plain. */
  private parseMarkup(raw: string, parseModeParam: unknown, entitiesParam: unknown): ParsedText {
    const parseMode = (stringParam(parseModeParam) ?? '').toLowerCase();
    if (parseMode === 'html') {
      try {
        return parseHtml(raw, { strictAmpersand: this.options.strictHtmlAmpersand });
      } catch (error) {
        if (error instanceof HtmlMarkupError) throw badRequest(error.message);
        throw error;
      }
    }
    if (parseMode === '' || parseMode === 'markdown' || parseMode === 'markdownv2') {
      // Markdown is not parsed by the double: the text is kept as sent.
      const entities = Array.isArray(entitiesParam) ? (entitiesParam as MessageEntity[]) : [];
      return trimText(raw, parseMode === '' ? entities : []);
    }
    throw badRequest(`unsupported parse_mode`);
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
      const webApp = (button as { web_app?: { url?: unknown } }).web_app;
      if (webApp !== undefined) checkWebAppUrl(webApp?.url);
    }
  }

  /** Sliding one-second windows, per chat and for the whole bot; only accepted messages count. */

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

  /** A message the person writes in their chat with the bot, which opens the chat; kept for replies and reactions. */
  private incomingMessage(state: PersonState, content: Partial<Message>): Message {
    state.started = true;
    const message: Message = {
      message_id: ++state.lastMessageId,
      from: state.person.user,
      chat: state.person.chat,
      date: unixTime(),
      ...content,
    };
    this.addCommandEntity(message);
    this.received.push(message);
    return message;
  }

  private addCommandEntity(message: Message): void {
    if (message.text === undefined) return;
    const command = new RegExp(`^/[A-Za-z0-9_]{1,32}(@${this.options.bot.username})?(?=\\s|$)`, 'i').exec(
      message.text ?? '',
    );
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
}

/** A message as carried in reply_to_message: Telegram includes one level only. */
function oneLevel(message: Message): Message {
  const copy = { ...message };
  delete copy.reply_to_message;
  return copy;
}

/** A media parameter once checked: what to store. */
type Media =
  | { source: 'upload'; upload: UploadedFile; width?: number; height?: number }
  | { source: 'file_id'; known: TelegramFile }
  | { source: 'url'; url: string };

const typeName: Record<FileKind, string> = { document: 'Document', photo: 'Photo' };

function sentFile(
  file: TelegramFile,
  source: SentFile['source'],
  overrides: { fileName?: string; mimeType?: string } = {},
): SentFile {
  const sent: SentFile = {
    kind: file.kind,
    source,
    fileId: file.fileId,
    fileUniqueId: file.fileUniqueId,
    fileName: overrides.fileName ?? file.fileName,
    mimeType: overrides.mimeType ?? file.mimeType,
    size: file.size,
    content: file.content,
    url: file.url,
  };
  for (const key of Object.keys(sent) as (keyof SentFile)[]) if (sent[key] === undefined) delete sent[key];
  return sent;
}

/** The last part of a URL's path, decoded, as the file name Telegram would give the fetched file. */
function urlFileName(url: string): string {
  let name = '';
  try {
    name = decodeURIComponent(new URL(url).pathname.split('/').pop() ?? '');
  } catch {
    // Not a URL the double can read: no name.
  }
  return name === '' ? 'file' : name;
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
