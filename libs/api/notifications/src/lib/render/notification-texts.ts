import { createMessageTexts } from '@deskgram/api/common';

/** One template per kind and language. `{{- body}}` is user text already escaped and shortened by the renderer. */
const resources = {
  en: {
    notifications: {
      ticketCreatedByClient:
        '🆕 New ticket <b>{{number}}</b> from {{client}}\n<b>{{subject}}</b>\n\n{{who}}: {{- body}}',
      ticketCreatedForClient: '🆕 {{who}} opened ticket <b>{{number}}</b> for you\n<b>{{subject}}</b>\n\n{{- body}}',
      ticketReply: '💬 {{who}} replied on <b>{{number}}</b> · {{subject}}\n\n{{- body}}',
      ticketStatus: '🔄 Ticket <b>{{number}}</b> · {{subject}}\nStatus: <b>{{to}}</b> (was {{from}})',
      ticketAssigned:
        '👤 {{who}} assigned ticket <b>{{number}}</b> to you\n<b>{{subject}}</b> · {{client}} · priority {{priority}}',
      invoiceIssued: '🧾 Invoice <b>{{number}}</b> for <b>{{total}}</b> has been issued, due {{due}}.',
      invoiceOverdue: '⚠️ Invoice <b>{{number}}</b> for <b>{{total}}</b> is overdue: it was due {{due}}.',
      invoicePaid: '✅ Invoice <b>{{number}}</b> for <b>{{total}}</b> is paid. Thank you!',
      customMessage: '✉️ {{who}} writes:\n\n{{- body}}',
      openTicket: 'Open the ticket',
      fileCaption: '📎 <b>{{number}}</b> · {{subject}}',
      openInvoice: 'Open the invoice',
      statuses: {
        open: 'Open',
        in_progress: 'In progress',
        waiting_for_client: 'Waiting for you',
        resolved: 'Resolved',
        closed: 'Closed',
      },
      priorities: { low: 'low', normal: 'normal', high: 'high', urgent: 'urgent' },
    },
  },
  ru: {
    notifications: {
      ticketCreatedByClient:
        '🆕 Новая заявка <b>{{number}}</b> от {{client}}\n<b>{{subject}}</b>\n\n{{who}}: {{- body}}',
      ticketCreatedForClient: '🆕 {{who}} открыл(а) для вас заявку <b>{{number}}</b>\n<b>{{subject}}</b>\n\n{{- body}}',
      ticketReply: '💬 {{who}} ответил(а) в <b>{{number}}</b> · {{subject}}\n\n{{- body}}',
      ticketStatus: '🔄 Заявка <b>{{number}}</b> · {{subject}}\nСтатус: <b>{{to}}</b> (был: {{from}})',
      ticketAssigned:
        '👤 {{who}} назначил(а) вам заявку <b>{{number}}</b>\n<b>{{subject}}</b> · {{client}} · приоритет {{priority}}',
      invoiceIssued: '🧾 Выставлен счёт <b>{{number}}</b> на <b>{{total}}</b>, оплатить до {{due}}.',
      invoiceOverdue: '⚠️ Счёт <b>{{number}}</b> на <b>{{total}}</b> просрочен: срок оплаты был {{due}}.',
      invoicePaid: '✅ Счёт <b>{{number}}</b> на <b>{{total}}</b> оплачен. Спасибо!',
      customMessage: '✉️ {{who}} пишет:\n\n{{- body}}',
      openTicket: 'Открыть заявку',
      fileCaption: '📎 <b>{{number}}</b> · {{subject}}',
      openInvoice: 'Открыть счёт',
      statuses: {
        open: 'Открыто',
        in_progress: 'В работе',
        waiting_for_client: 'Ждёт вашего ответа',
        resolved: 'Решено',
        closed: 'Закрыто',
      },
      priorities: { low: 'низкий', normal: 'обычный', high: 'высокий', urgent: 'срочный' },
    },
  },
} as const;

export const notificationTexts = createMessageTexts(resources, 'notifications');
