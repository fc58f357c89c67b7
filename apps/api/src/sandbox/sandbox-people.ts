import { LinkTokenEntity, hashLinkToken, type TelegramLinksService } from '@deskgram/api/telegram-links';
import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { type SandboxPersonInfo, type SandboxTelegram } from './sandbox-telegram';

interface AccountRow {
  id: string;
  email: string;
  display_name: string;
  role: 'admin' | 'agent' | 'client';
  language: string | null;
  company: string | null;
}

/** Enabled portal accounts with their client's name: admins, agents, then clients by company, oldest first. */
const ACCOUNTS = `
  SELECT u.id, u.email, u.display_name, u.role, u.language, c.name AS company
  FROM users u LEFT JOIN clients c ON c.id = u.client_id
  WHERE u.disabled_at IS NULL`;
const ORDER = ` ORDER BY CASE u.role WHEN 'admin' THEN 0 WHEN 'agent' THEN 1 ELSE 2 END, c.name, u.created_at`;

function infoOf(row: AccountRow): SandboxPersonInfo {
  const ru = row.language === 'ru' || (!row.language && /[А-Яа-яЁё]/.test(row.display_name));
  return {
    name: row.display_name,
    email: row.email,
    role: row.role,
    company: row.company,
    language: ru ? 'ru' : 'en',
    userId: row.id,
  };
}

/**
 * Links every enabled portal account to a sandbox person the way a person links: a Connect token, and Start pressed
 * with it in the chat. The bot's welcome is each chat's first message, and notifications flow from the first ticket.
 */
export async function linkDemoPeople(
  app: INestApplication,
  telegram: SandboxTelegram,
  links: TelegramLinksService,
): Promise<void> {
  const rows = await app.get(DataSource).query<AccountRow[]>(ACCOUNTS + ORDER);
  for (const row of rows) {
    const person = telegram.addPerson(infoOf(row));
    const { token } = await links.createToken(row.id);
    await telegram.pressStart(person.id, token, { waitUntilHandled: true });
  }
}

/**
 * Whose Connect link this is: the person standing for the token's account (a new one for an account created in the
 * portal since the start) presses Start with it. The token is looked up by its hash, as the bot does; the bot then
 * redeems it, or says it is used or expired.
 */
export async function personForToken(
  app: INestApplication,
  telegram: SandboxTelegram,
  token: string,
): Promise<number | undefined> {
  const dataSource = app.get(DataSource);
  const row = await dataSource
    .getRepository(LinkTokenEntity)
    .findOne({ where: { tokenHash: hashLinkToken(token) }, select: { userId: true } });
  if (!row) return undefined;
  const [account] = await dataSource.query<AccountRow[]>(`${ACCOUNTS} AND u.id = $1`, [row.userId]);
  if (!account) return undefined;
  const person = telegram.personOf(account.id) ?? telegram.addPerson(infoOf(account));
  await telegram.pressStart(person.id, token, { waitUntilHandled: true });
  return person.id;
}
