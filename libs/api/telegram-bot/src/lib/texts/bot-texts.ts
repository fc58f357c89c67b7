import { createMessageTexts, type MessageLanguage, messageLanguage } from '@deskgram/api/common';

/**
 * What the bot says, in English and Russian. Values are HTML-escaped on interpolation (the bot speaks Telegram's
 * HTML parse mode), so a display name like `<Anna & Co>` is shown as written.
 */
const resources = {
  en: {
    bot: {
      linked:
        '✅ Telegram is connected to your Deskgram account <b>{{name}}</b> ({{email}}).\n\nYou will hear about your tickets and invoices here. /stop disconnects, /status shows the account.',
      alreadyLinked: 'This Telegram account is already connected to <b>{{name}}</b> ({{email}}).',
      used: 'This link has been used already. To connect again, open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the new QR code.',
      expired:
        'This link has expired (links work for 15 minutes). Open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the new QR code.',
      unknown:
        'This link is not valid, or a newer one replaced it. Open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the QR code shown there.',
      welcome:
        'Hello! This is the Deskgram bot. To get notifications about your tickets and invoices here, open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the QR code.',
      welcomeLinked:
        'Hello again! This Telegram account is connected to: {{- accounts}}. /status shows more, /stop disconnects.',
      stopped:
        'Disconnected from {{- accounts}}. You will no longer get notifications here. Scan a new QR code in the portal to connect again.',
      notLinked:
        'This Telegram account is not connected to Deskgram. To connect, open {{portal}} and press <b>Connect Telegram</b>.',
      status: 'This Telegram account is connected to:\n{{- accounts}}',
      help: '<b>Deskgram bot</b>\n\nConnect: open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the QR code.\n\n/status: which Deskgram account is connected\n/stop: disconnect and stop notifications\n/help: this message',
      privateOnly:
        'I answer this in a private chat only, so that nothing about your account is shown to the group. Write to me in a private chat: {{bot}}',
      roles: { admin: 'admin', agent: 'agent', client: 'client' },
    },
  },
  ru: {
    bot: {
      linked:
        '✅ Telegram подключён к вашему аккаунту Deskgram <b>{{name}}</b> ({{email}}).\n\nЗдесь будут уведомления о ваших заявках и счетах. /stop отключает, /status показывает аккаунт.',
      alreadyLinked: 'Этот аккаунт Telegram уже подключён к <b>{{name}}</b> ({{email}}).',
      used: 'Эта ссылка уже использована. Чтобы подключиться снова, откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте новый QR-код.',
      expired:
        'Срок действия ссылки истёк (она действует 15 минут). Откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте новый QR-код.',
      unknown:
        'Ссылка недействительна или заменена более новой. Откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте показанный QR-код.',
      welcome:
        'Здравствуйте! Это бот Deskgram. Чтобы получать здесь уведомления о заявках и счетах, откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте QR-код.',
      welcomeLinked:
        'Снова здравствуйте! Этот аккаунт Telegram подключён к: {{- accounts}}. /status — подробнее, /stop — отключить.',
      stopped:
        'Отключено от {{- accounts}}. Уведомления сюда больше не придут. Чтобы подключиться снова, отсканируйте новый QR-код в портале.',
      notLinked:
        'Этот аккаунт Telegram не подключён к Deskgram. Чтобы подключить, откройте {{portal}} и нажмите <b>Подключить Telegram</b>.',
      status: 'Этот аккаунт Telegram подключён к:\n{{- accounts}}',
      help: '<b>Бот Deskgram</b>\n\nПодключение: откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте QR-код.\n\n/status — какой аккаунт Deskgram подключён\n/stop — отключить уведомления\n/help — эта справка',
      privateOnly:
        'На это я отвечаю только в личном чате, чтобы группа не видела ничего о вашем аккаунте. Напишите мне в личном чате: {{bot}}',
      roles: { admin: 'администратор', agent: 'агент', client: 'клиент' },
    },
  },
} as const;

export type BotLanguage = MessageLanguage;

export const botTexts = createMessageTexts(resources, 'bot');

/** Russian for Telegram users whose app speaks Russian, English for everyone else. */
export function botLanguage(languageCode: string | undefined): BotLanguage {
  return messageLanguage(languageCode);
}
