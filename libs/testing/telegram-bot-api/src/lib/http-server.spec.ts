import { request } from 'node:http';
import { ApiError } from './api-error';
import { BotApiHttpServer, type BotApiRequest } from './http-server';
import { type UploadedFile } from './request-params';

describe(BotApiHttpServer.name, () => {
  let calls: Omit<BotApiRequest, 'request' | 'response'>[];
  let server: BotApiHttpServer;

  beforeEach(async () => {
    calls = [];
    server = new BotApiHttpServer(async ({ token, method, params, response }) => {
      calls.push({ token, method, params });
      if (method === 'fail') throw new ApiError(403, 'Forbidden: nope');
      response.end(JSON.stringify({ ok: true, result: params }));
    });
    await server.start();
  });

  afterEach(() => server.stop());

  it('routes /bot<token>/<method> with query, JSON and multipart parameters', async () => {
    await fetch(`${server.url}/bot1:abc/getMe?offset=5`);
    await fetch(`${server.url}/bot1:abc/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ chat_id: 7, text: 'hi' }),
    });
    const form = new FormData();
    form.append('chat_id', '7');
    form.append('caption', 'a file');
    await fetch(`${server.url}/bot1:abc/sendDocument`, { method: 'POST', body: form });
    expect(calls).toEqual([
      { token: '1:abc', method: 'getMe', params: { offset: '5' } },
      { token: '1:abc', method: 'sendMessage', params: { chat_id: 7, text: 'hi' } },
      { token: '1:abc', method: 'sendDocument', params: { chat_id: '7', caption: 'a file' } },
    ]);
  });

  it('keeps multipart file parts as bytes with their UTF-8 file name and content type', async () => {
    const bytes = Buffer.from([0x00, 0x0d, 0x0a, 0x2d, 0x2d, 0xff, 0xc3, 0x28, 0x0d, 0x0a]);
    const form = new FormData();
    form.append('chat_id', '7');
    form.append('document', new Blob([bytes], { type: 'application/pdf' }), 'Отчёт ✓.pdf');
    form.append('caption', 'Привет');
    await fetch(`${server.url}/bot1:abc/sendDocument`, { method: 'POST', body: form });
    const document = calls[0].params['document'] as UploadedFile;
    expect(document).toMatchObject({ filename: 'Отчёт ✓.pdf', contentType: 'application/pdf', size: bytes.length });
    expect(document.content.equals(bytes)).toBe(true);
    expect(calls[0].params['caption']).toBe('Привет');
  });

  it('hands /file/bot<token>/<path> to serveFile, and answers 404 without it', async () => {
    const served: string[] = [];
    const files = new BotApiHttpServer(async () => undefined, {
      serveFile: ({ token, filePath, response }) => {
        served.push(`${token} ${filePath}`);
        response.end('bytes');
      },
    });
    await files.start();
    try {
      const answer = await fetch(`${files.url}/file/bot1:abc/documents/file_0.pdf`);
      expect(await answer.text()).toBe('bytes');
      expect(served).toEqual(['1:abc documents/file_0.pdf']);
    } finally {
      await files.stop();
    }
    expect((await fetch(`${server.url}/file/bot1:abc/documents/file_0.pdf`)).status).toBe(404);
  });

  it('answers Telegram-shaped errors for unknown paths, bad bodies and failed handlers', async () => {
    const notFound = await fetch(`${server.url}/nothing`);
    expect(notFound.status).toBe(404);
    expect(await notFound.json()).toEqual({ ok: false, error_code: 404, description: 'Not Found' });
    const bad = await fetch(`${server.url}/bot1:abc/sendMessage`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{not json',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ ok: false, error_code: 400 });
    const failed = await fetch(`${server.url}/bot1:abc/fail`);
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ ok: false, error_code: 500 });
  });

  it('keeps an idle keep-alive connection open well beyond a client agent idle timeout', async () => {
    const answer = await new Promise<{ keepAlive?: string; connection?: string }>((resolve, reject) => {
      const outgoing = request(`${server.url}/bot1:abc/getMe`, { headers: { connection: 'keep-alive' } }, (res) => {
        res.resume();
        res.on('end', () =>
          resolve({ keepAlive: res.headers['keep-alive'] as string, connection: res.headers.connection }),
        );
      });
      outgoing.on('error', reject);
      outgoing.end();
    });
    expect(answer.connection).toBe('keep-alive');
    expect(answer.keepAlive).toBe('timeout=75');
  });
});
