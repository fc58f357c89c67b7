import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { existsSync } from 'node:fs';
import { STATUS_CODES } from 'node:http';
import { join } from 'node:path';
import { MINI_APP_THEMES, SandboxError, type SandboxTelegram } from './sandbox-telegram';

/** The largest file a sandbox person may send; Telegram takes more, but bots only download up to 20 MB. */
export const SANDBOX_FILE_LIMIT = '50mb';

/** What Telegram shows as a photo. */
const PICTURE = /^image\/(png|jpeg|gif|webp)$/;

export interface SandboxRoutesOptions {
  telegram: SandboxTelegram;
  /** The built sandbox page (`dist/apps/sandbox-web/browser`). */
  pageDir: string;
  /** The person a Connect link's token belongs to, pressing Start with it; undefined for an unknown token. */
  startWithToken(token: string): Promise<number | undefined>;
}

/**
 * `/sandbox`: the page that shows every person's chat with the bot, the JSON it reads and the actions it takes
 * (`/sandbox/api/...`, with a server-sent event per changed chat), and `/sandbox/start`, where the portal's Connect
 * links lead in the sandbox instead of `t.me`.
 */
export function sandboxRoutes(options: SandboxRoutesOptions): Router {
  const { telegram } = options;
  const router = express.Router();
  const api = express.Router();

  api.get('/state', (_req, res) => {
    res.json({ bot: telegram.bot, people: telegram.list() });
  });

  api.get('/events', (req, res) => {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-cache',
      Connection: 'keep-alive',
    });
    res.write('retry: 2000\n\n');
    const stop = telegram.onChange((change) => res.write(`data: ${JSON.stringify(change)}\n\n`));
    // A comment now and then keeps proxies and idle timeouts from closing a quiet stream.
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
    req.on('close', () => {
      clearInterval(heartbeat);
      stop();
    });
  });

  api.get('/chats/:id', (req, res) => {
    res.json(telegram.chat(chatId(req)));
  });

  api.post('/chats/:id/messages', async (req, res) => {
    const body = objectBody(req);
    if (typeof body['text'] !== 'string') throw new SandboxError(400, '`text` must be a string');
    await telegram.sendText(chatId(req), body['text'], optionalId(body['replyTo'], 'replyTo'));
    res.json({ ok: true });
  });

  api.post(
    '/chats/:id/files',
    express.raw({ type: () => true, limit: SANDBOX_FILE_LIMIT }),
    async (req: Request, res: Response) => {
      if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
        throw new SandboxError(400, 'Send the file as the request body (any content type but JSON)');
      }
      const name = queryText(req, 'name') ?? 'file';
      const type = queryText(req, 'type') ?? fileType(name, req.headers['content-type']);
      const kind = queryText(req, 'kind') ?? (PICTURE.test(type) ? 'photo' : 'document');
      if (kind !== 'photo' && kind !== 'document') throw new SandboxError(400, '`kind` must be photo or document');
      await telegram.sendFile(chatId(req), {
        kind,
        name,
        mimeType: type,
        content: req.body,
        caption: queryText(req, 'caption') || undefined,
        replyTo: optionalId(queryText(req, 'replyTo'), 'replyTo'),
      });
      res.json({ ok: true });
    },
  );

  api.post('/chats/:id/buttons', async (req, res) => {
    const body = objectBody(req);
    const messageId = optionalId(body['messageId'], 'messageId');
    if (messageId === undefined) throw new SandboxError(400, '`messageId` is required');
    if (typeof body['data'] !== 'string' || body['data'] === '') {
      throw new SandboxError(400, '`data` must be the callback data of a button');
    }
    res.json({ answer: await telegram.pressButton(chatId(req), messageId, body['data']) });
  });

  api.post('/chats/:id/start', async (req, res) => {
    await telegram.pressStart(chatId(req));
    res.json({ ok: true });
  });

  api.post('/chats/:id/blocked', async (req, res) => {
    const body = objectBody(req);
    if (typeof body['blocked'] !== 'boolean') throw new SandboxError(400, '`blocked` must be true or false');
    await telegram.setBlocked(chatId(req), body['blocked']);
    res.json({ ok: true });
  });

  api.post('/chats/:id/mini-app', (req, res) => {
    const body = objectBody(req);
    const theme = body['theme'] ?? 'light';
    if (theme !== 'light' && theme !== 'dark') throw new SandboxError(400, '`theme` must be light or dark');
    const startParam = body['startParam'];
    if (startParam !== undefined && typeof startParam !== 'string') {
      throw new SandboxError(400, '`startParam` must be a string');
    }
    const url = telegram.miniAppUrl(chatId(req), { startParam: startParam || undefined, theme });
    res.json({ url, themeParams: MINI_APP_THEMES[theme] });
  });

  api.get('/files/:fileId', (req, res) => {
    const file = telegram.file(String(req.params['fileId']));
    if (!file?.content) throw new SandboxError(404, 'Telegram keeps no bytes of that file');
    const type = file.mimeType ?? 'application/octet-stream';
    res.setHeader('Content-Type', type);
    // Pictures show in the page; anything else is downloaded, never rendered on the sandbox's origin.
    const disposition = PICTURE.test(type) ? 'inline' : 'attachment';
    res.setHeader('Content-Disposition', `${disposition}; filename*=UTF-8''${encodeURIComponent(file.name ?? 'file')}`);
    res.send(file.content);
  });

  api.use((_req, _res, next) => next(new SandboxError(404, 'No such sandbox route')));
  api.use((error: unknown, _req: Request, res: Response, next: NextFunction) => {
    if (res.headersSent) return next(error);
    const status = error instanceof SandboxError ? error.status : ((error as { status?: number }).status ?? 500);
    const message =
      error instanceof SandboxError || status < 500 ? (error as Error).message : 'The sandbox failed to do that';
    res.status(status).json({ statusCode: status, error: STATUS_CODES[status] ?? 'Error', message });
  });
  router.use('/api', api);

  router.get('/start', async (req, res) => {
    const token = queryText(req, 'start') ?? '';
    const id = /^[A-Za-z0-9_-]{1,64}$/.test(token) ? await options.startWithToken(token) : undefined;
    res.redirect(303, id === undefined ? '/sandbox/?start=unknown' : `/sandbox/?chat=${id}`);
  });

  const index = join(options.pageDir, 'index.html');
  if (existsSync(index)) {
    router.use(express.static(options.pageDir, { index: false }));
    router.get(/.*/, (_req, res) => {
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  } else {
    router.get(/.*/, (_req, res) => {
      res.status(503).type('text').send(`The sandbox page is not built: npx nx build sandbox-web (${index})`);
    });
  }
  return router;
}

function chatId(req: Request): number {
  const id = Number(req.params['id']);
  if (!Number.isSafeInteger(id)) throw new SandboxError(400, 'A chat id is a whole number');
  return id;
}

function objectBody(req: Request): Record<string, unknown> {
  const body: unknown = req.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new SandboxError(400, 'Send a JSON object');
  }
  return body as Record<string, unknown>;
}

function optionalId(value: unknown, name: string): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const id = typeof value === 'string' ? Number(value) : value;
  if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) {
    throw new SandboxError(400, `\`${name}\` must be a message id`);
  }
  return id;
}

function queryText(req: Request, name: string): string | undefined {
  const value = req.query[name];
  return typeof value === 'string' ? value : undefined;
}

/** The type the request names, else a picture's by its file name's extension, else a generic one. */
function fileType(name: string, header: string | undefined): string {
  if (header && header !== 'application/octet-stream') return header;
  const extension = /\.(png|jpe?g|gif|webp)$/i.exec(name)?.[1].toLowerCase();
  if (extension) return `image/${extension === 'jpg' ? 'jpeg' : extension}`;
  return 'application/octet-stream';
}
