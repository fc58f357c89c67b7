import { parseHtml } from '@deskgram/testing/telegram-bot-api';
import { botLanguage, botTexts } from './bot-texts';

const KEYS = [
  'linked',
  'alreadyLinked',
  'used',
  'expired',
  'unknown',
  'welcome',
  'welcomeLinked',
  'stopped',
  'notLinked',
  'status',
  'help',
  'privateOnly',
  'answerAdded',
  'answerReopened',
  'noteAdded',
  'replyUnknown',
  'replyNotYours',
  'ticketNotFound',
  'ticketClosed',
  'noteStaffOnly',
  'noteWithoutReply',
  'emptyText',
  'invalidText',
  'unavailable',
  'draftPrompt',
  'draftOpened',
  'draftCancelled',
  'newEmpty',
  'newStaff',
  'ticketsClient',
  'ticketsStaff',
  'ticketsNone',
  'ticketsMore',
  'ticketLine',
  'fileTooBig',
  'mediaNotTaken',
];

describe('the bot texts', () => {
  it.each(['en', 'ru'] as const)('are valid Telegram HTML in %s, whatever the names hold', (language) => {
    const t = botTexts(language);
    for (const key of KEYS) {
      const text = t(key, {
        name: '<Anna & "Co">',
        email: 'a<b>@example.org',
        portal: 'https://help.example.org/?a=1&b=2',
        accounts: '<b>Anna &amp; Co</b>',
        bot: 'https://t.me/deskgram_bot',
        number: 'T-1042',
        subject: '<script> & "quotes"',
        client: 'Anna & <Co>',
        reason: 'body must be at most 20000 characters & <more>',
        count: 3,
        status: 'open',
      });
      expect(text).not.toBe(key);
      expect(() => parseHtml(text)).not.toThrow();
    }
  });

  it('shows names as written, escaped rather than interpreted', () => {
    const text = botTexts('en')('linked', { name: '<i>Anna</i> & Co', email: 'anna@example.org' });
    expect(text).toContain('<b>&lt;i&gt;Anna&lt;/i&gt; &amp; Co</b>');
    expect(parseHtml(text).text).toContain('<i>Anna</i> & Co');
  });

  it('has every text in Russian too', () => {
    for (const key of KEYS.filter((key) => key !== 'ticketLine')) {
      expect(botTexts('ru')(key)).not.toBe(botTexts('en')(key));
    }
  });

  it('speaks Russian to Russian-speaking Telegram users and English to everyone else', () => {
    expect(botLanguage('ru')).toBe('ru');
    expect(botLanguage('ru-RU')).toBe('ru');
    expect(botLanguage('de')).toBe('en');
    expect(botLanguage(undefined)).toBe('en');
    expect(botTexts('ru')('notLinked', { portal: 'x' })).toContain('не подключён');
  });
});
