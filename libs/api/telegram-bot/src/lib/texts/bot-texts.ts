import { createMessageTexts, type MessageLanguage, messageLanguage } from '@deskgram/api/common';

/**
 * What the bot says, in English and Russian. Values are HTML-escaped on interpolation (the bot speaks Telegram's
 * HTML parse mode), so a display name like `<Anna & Co>` is shown as written.
 */
const resources = {
  en: {
    bot: {
      linked:
        '✅ Telegram is connected to your Deskgram account <b>{{name}}</b> ({{email}}).\n\nYou will hear about your tickets and invoices here. To answer a ticket, reply to its notification. /help shows what else you can do here, /stop disconnects, /status shows the account.',
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
      help: '<b>Deskgram bot</b>\n\nConnect: open {{portal}}, press <b>Connect Telegram</b> on your dashboard or profile, and scan the QR code.\n\nOnce connected:\n• <b>Reply</b> to a ticket notification to answer in that ticket, with text, a photo or a document (staff: start the reply with /note for an internal note).\n• Clients: write a message (or /new and the text) to open a new ticket.\n• Press the buttons under a notification: Take, Resolve, Reopen.\n\n/tickets: your open tickets\n/new: open a ticket\n/status: which Deskgram account is connected\n/stop: disconnect and stop notifications\n/help: this message',
      privateOnly:
        'I answer this in a private chat only, so that nothing about your account is shown to the group. Write to me in a private chat: {{bot}}',
      roles: { admin: 'admin', agent: 'agent', client: 'client' },
      buttons: {
        take: 'Take',
        takenByYou: '✅ Taken by you',
        takenBy: '👤 {{name}}',
        resolve: 'Resolve',
        resolved: '✅ Resolved',
        reopen: 'Reopen',
        open: 'Open',
        cancel: 'Cancel',
      },
      press: {
        taken: '{{number}} is yours now.',
        alreadyYours: '{{number}} is yours already.',
        takenByOther: '{{number}} is taken by {{name}}.',
        resolved: '{{number}} is resolved.',
        alreadyResolved: '{{number}} is resolved already.',
        reopened: '{{number}} is open again.',
        notResolved: '{{number}} is not resolved: there is nothing to reopen.',
        closed: '{{number}} is closed.',
        staffOnly: 'Only staff can do this. Nothing was changed.',
        clientOnly: 'Only the client can reopen a ticket here. Nothing was changed.',
        notLinked:
          'This Telegram account is not connected to a Deskgram account that may do this. Nothing was changed.',
        notFound: 'This ticket does not exist, or it is not yours. Nothing was changed.',
        invalid: 'This button is not valid. Nothing was changed.',
        draftOpened: 'Already opened as {{number}}.',
        draftCancelled: 'This was cancelled: no ticket was opened.',
        draftGone: 'This draft has expired. Send the text again.',
        failed: 'Something went wrong on our side; nothing was changed. Try again in a moment.',
      },
      answerAdded: '✅ Added to <b>{{number}}</b>.',
      answerReopened: '✅ Added to <b>{{number}}</b>. The ticket is open again.',
      noteAdded: '📝 Internal note added to <b>{{number}}</b>.',
      replyUnknown:
        'I cannot tell which ticket that message belongs to. To answer a ticket, reply to its notification; to open a new ticket, send a message without replying.',
      replyNotYours:
        'That message does not belong to your Deskgram account, so I did not pass your answer on. Reply to a notification you received.',
      ticketNotFound: 'That ticket does not exist, or it is not one of yours. Nothing was sent.',
      ticketClosed:
        '<b>{{number}}</b> is closed, so nothing was added. Send a message without replying to open a new ticket.',
      noteStaffOnly: 'Only staff can write internal notes. To answer the ticket, reply without /note.',
      noteWithoutReply: 'To write an internal note, reply to a ticket notification with /note and the text.',
      emptyText: 'The message is empty: nothing was sent.',
      invalidText: 'I could not take that: {{reason}}.',
      unavailable: 'Something went wrong on our side, and nothing was saved. Please try again in a moment.',
      draftPrompt: 'Open a new ticket for <b>{{client}}</b> with this text?\n\nSubject: <b>{{subject}}</b>',
      draftOpened:
        '🆕 Opened <b>{{number}}</b> · {{subject}}. You will hear about it here; reply to this message to add to the ticket.',
      draftCancelled: 'Cancelled: no ticket was opened.',
      newEmpty: 'Write what it is about after /new, or simply send it as a message.',
      newStaff:
        'Staff open tickets for a client in the portal: {{portal}}. Here you can answer by replying to notifications, and /tickets lists the tickets assigned to you.',
      ticketsClient: 'Open tickets of {{client}}:',
      ticketsStaff: 'Open tickets assigned to you:',
      ticketsNone: 'No open tickets.',
      ticketsMore: '…and {{count}} more in the portal: {{portal}}',
      ticketLine: '<b>{{number}}</b> · {{subject}} · {{status}}',
      fileTooBig:
        '{{name}} is larger than the 20 MB Telegram lets me fetch, so it was not passed on. Please attach it in the portal: {{portal}}',
      mediaNotTaken:
        'I pass on photos and documents (send a video or a voice message as a file, or attach it in the portal: {{portal}}); this was not passed on.',
      statuses: {
        open: 'open',
        in_progress: 'in progress',
        waiting_for_client: 'waiting for the client',
        resolved: 'resolved',
        closed: 'closed',
      },
    },
  },
  ru: {
    bot: {
      linked:
        '✅ Telegram подключён к вашему аккаунту Deskgram <b>{{name}}</b> ({{email}}).\n\nЗдесь будут уведомления о ваших заявках и счетах. Чтобы ответить в заявку, ответьте на её уведомление. /help — что ещё можно здесь делать, /stop отключает, /status показывает аккаунт.',
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
      help: '<b>Бот Deskgram</b>\n\nПодключение: откройте {{portal}}, нажмите <b>Подключить Telegram</b> на главной странице или в профиле и отсканируйте QR-код.\n\nПосле подключения:\n• <b>Ответьте</b> на уведомление о заявке текстом, фотографией или документом, чтобы написать в эту заявку (сотрудники: начните ответ с /note для внутренней заметки).\n• Клиенты: напишите сообщение (или /new и текст), чтобы открыть новую заявку.\n• Нажимайте кнопки под уведомлениями: «Взять», «Решено», «Открыть снова».\n\n/tickets — ваши открытые заявки\n/new — открыть заявку\n/status — какой аккаунт Deskgram подключён\n/stop — отключить уведомления\n/help — эта справка',
      privateOnly:
        'На это я отвечаю только в личном чате, чтобы группа не видела ничего о вашем аккаунте. Напишите мне в личном чате: {{bot}}',
      roles: { admin: 'администратор', agent: 'агент', client: 'клиент' },
      buttons: {
        take: 'Взять',
        takenByYou: '✅ Взята вами',
        takenBy: '👤 {{name}}',
        resolve: 'Решено',
        resolved: '✅ Решена',
        reopen: 'Открыть снова',
        open: 'Открыть',
        cancel: 'Отмена',
      },
      press: {
        taken: '{{number}} теперь ваша.',
        alreadyYours: '{{number}} уже ваша.',
        takenByOther: '{{number}} уже взял(а) {{name}}.',
        resolved: '{{number}} решена.',
        alreadyResolved: '{{number}} уже решена.',
        reopened: '{{number}} снова открыта.',
        notResolved: '{{number}} не решена: открывать снова нечего.',
        closed: '{{number}} закрыта.',
        staffOnly: 'Это могут только сотрудники. Ничего не изменено.',
        clientOnly: 'Открыть заявку снова здесь может только клиент. Ничего не изменено.',
        notLinked:
          'Этот аккаунт Telegram не подключён к аккаунту Deskgram, которому это разрешено. Ничего не изменено.',
        notFound: 'Этой заявки нет, или она не ваша. Ничего не изменено.',
        invalid: 'Эта кнопка недействительна. Ничего не изменено.',
        draftOpened: 'Уже открыта как {{number}}.',
        draftCancelled: 'Это было отменено: заявка не открыта.',
        draftGone: 'Срок черновика истёк. Отправьте текст ещё раз.',
        failed: 'Что-то пошло не так на нашей стороне; ничего не изменено. Попробуйте чуть позже.',
      },
      answerAdded: '✅ Добавлено в <b>{{number}}</b>.',
      answerReopened: '✅ Добавлено в <b>{{number}}</b>. Заявка снова открыта.',
      noteAdded: '📝 Внутренняя заметка добавлена в <b>{{number}}</b>.',
      replyUnknown:
        'Не понимаю, к какой заявке относится это сообщение. Чтобы ответить в заявку, ответьте на её уведомление; чтобы открыть новую заявку, отправьте сообщение без ответа.',
      replyNotYours:
        'Это сообщение не относится к вашему аккаунту Deskgram, поэтому ответ не передан. Ответьте на уведомление, которое получили вы.',
      ticketNotFound: 'Этой заявки нет, или она не ваша. Ничего не отправлено.',
      ticketClosed:
        'Заявка <b>{{number}}</b> закрыта, ничего не добавлено. Отправьте сообщение без ответа, чтобы открыть новую заявку.',
      noteStaffOnly: 'Внутренние заметки пишут только сотрудники. Чтобы ответить в заявку, ответьте без /note.',
      noteWithoutReply: 'Чтобы написать внутреннюю заметку, ответьте на уведомление о заявке: /note и текст.',
      emptyText: 'Сообщение пустое: ничего не отправлено.',
      invalidText: 'Не получилось принять: {{reason}}.',
      unavailable: 'Что-то пошло не так на нашей стороне, ничего не сохранено. Попробуйте ещё раз чуть позже.',
      draftPrompt: 'Открыть новую заявку для <b>{{client}}</b> с этим текстом?\n\nТема: <b>{{subject}}</b>',
      draftOpened:
        '🆕 Открыта заявка <b>{{number}}</b> · {{subject}}. Новости по ней придут сюда; ответьте на это сообщение, чтобы дополнить заявку.',
      draftCancelled: 'Отменено: заявка не открыта.',
      newEmpty: 'Напишите после /new, о чём заявка, или просто отправьте это сообщением.',
      newStaff:
        'Сотрудники открывают заявки для клиентов в портале: {{portal}}. Здесь можно отвечать на уведомления, а /tickets покажет назначенные вам заявки.',
      ticketsClient: 'Открытые заявки {{client}}:',
      ticketsStaff: 'Открытые заявки, назначенные вам:',
      ticketsNone: 'Открытых заявок нет.',
      ticketsMore: '…и ещё {{count}} в портале: {{portal}}',
      ticketLine: '<b>{{number}}</b> · {{subject}} · {{status}}',
      fileTooBig:
        '{{name}} больше 20 МБ, которые Telegram позволяет мне скачать, поэтому файл не передан. Приложите его в портале: {{portal}}',
      mediaNotTaken:
        'Я передаю фотографии и документы (видео или голосовое сообщение отправьте файлом или приложите в портале: {{portal}}); это сообщение не передано.',
      statuses: {
        open: 'открыта',
        in_progress: 'в работе',
        waiting_for_client: 'ждёт клиента',
        resolved: 'решена',
        closed: 'закрыта',
      },
    },
  },
} as const;

export type BotLanguage = MessageLanguage;

export const botTexts = createMessageTexts(resources, 'bot');

/** Russian for Telegram users whose app speaks Russian, English for everyone else. */
export function botLanguage(languageCode: string | undefined): BotLanguage {
  return messageLanguage(languageCode);
}
