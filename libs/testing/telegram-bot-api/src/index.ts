/**
 * A stand-in for api.telegram.org. Integration tests point the real API at it (TELEGRAM_API_ROOT = `double.url`) so
 * that Telegram behaviour — long polling, webhooks, flood limits, HTML parsing, blocked users, outages — can be
 * provoked on demand and asserted on, without the network or a real bot.
 */
export {
  TelegramBotApiDouble,
  type CallbackAnswer,
  type DocumentOptions,
  type Failure,
  type FileDownload,
  type FileKind,
  type PersonOptions,
  type PersonRef,
  type PhotoOptions,
  type RateLimits,
  type RecordedCall,
  type SentFile,
  type SentFileMessage,
  type SentMessage,
  type TelegramBotApiDoubleOptions,
  type TelegramFile,
  type TelegramGroup,
  type TelegramPerson,
  type WebhookDelivery,
} from './lib/telegram-bot-api-double';

/**
 * Telegram's HTML parser, exported so unit tests of message builders can check their markup without a server.
 */
export {
  HtmlMarkupError,
  escapeHtml,
  parseHtml,
  trimText,
  type HtmlParseOptions,
  type ParsedText,
} from './lib/html-markup';

/** The Bot API objects the double sends, so tests can type what they read from updates and messages. */
export type {
  BotCommand,
  CallbackQuery,
  Chat,
  ChatMember,
  ChatMemberUpdated,
  Document,
  FileInfo,
  Message,
  MessageEntity,
  Params,
  PhotoSize,
  Update,
  User,
} from './lib/types';

/** The shape of an uploaded file in recorded call params (multipart requests). */
export type { UploadedFile } from './lib/request-params';
