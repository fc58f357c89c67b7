// The slice of the Telegram Bot API object model the double speaks. Kept local (rather than taken from
// @telegraf/types) so the double depends on nothing but Node and can describe exactly what it sends.

export interface User {
  id: number;
  is_bot: boolean;
  first_name: string;
  last_name?: string;
  username?: string;
  language_code?: string;
  can_join_groups?: boolean;
  can_read_all_group_messages?: boolean;
  supports_inline_queries?: boolean;
}

export interface Chat {
  id: number;
  type: 'private' | 'group' | 'supergroup';
  /** Private chats only. */
  first_name?: string;
  last_name?: string;
  username?: string;
  /** Groups only. */
  title?: string;
}

export interface MessageEntity {
  type: string;
  offset: number;
  length: number;
  url?: string;
  user?: { id: number };
  language?: string;
  custom_emoji_id?: string;
}

/** A file sent as a document. */
export interface Document {
  file_id: string;
  file_unique_id: string;
  file_name?: string;
  mime_type?: string;
  file_size?: number;
}

/** One size of a photo; a photo message carries several, smallest first. */
export interface PhotoSize {
  file_id: string;
  file_unique_id: string;
  width: number;
  height: number;
  file_size?: number;
}

/** What getFile answers (the Bot API's File): `file_path` is where to download it, under `/file/bot<token>/`. */
export interface FileInfo {
  file_id: string;
  file_unique_id: string;
  file_size?: number;
  file_path?: string;
}

export interface Message {
  message_id: number;
  date: number;
  chat: Chat;
  from?: User;
  text?: string;
  entities?: MessageEntity[];
  /** The message this one answers; Telegram includes one level only (no reply_to_message inside). */
  reply_to_message?: Message;
  document?: Document;
  photo?: PhotoSize[];
  caption?: string;
  caption_entities?: MessageEntity[];
  reply_markup?: unknown;
  edit_date?: number;
  link_preview_options?: unknown;
}

export interface ChatMember {
  user: User;
  status: 'member' | 'kicked';
  until_date?: number;
}

export interface ChatMemberUpdated {
  chat: Chat;
  from: User;
  date: number;
  old_chat_member: ChatMember;
  new_chat_member: ChatMember;
}

export interface CallbackQuery {
  id: string;
  from: User;
  message?: Message;
  chat_instance: string;
  data?: string;
}

export interface Update {
  update_id: number;
  message?: Message;
  edited_message?: Message;
  callback_query?: CallbackQuery;
  my_chat_member?: ChatMemberUpdated;
  [kind: string]: unknown;
}

export interface BotCommand {
  command: string;
  description: string;
}

/** Parameters of a Bot API call after decoding JSON, urlencoded, multipart and query-string bodies. */
export type Params = Record<string, unknown>;
