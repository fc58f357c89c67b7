import { request } from 'node:http';
import { ApiError } from './api-error';
import { BotApiHttpServer, type BotApiRequest } from './http-server';

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
