import { queryDatabase, useTestEnvironment } from '@deskgram/testing/harness';
import { randomBytes } from 'node:crypto';
import { DEMO, type Session, TestClient } from './support/api-client';

/** A 1×1 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

interface Upload {
  name: string;
  data: Buffer;
  type?: string;
}

interface Attachment {
  id: string;
  fileName: string;
  size: number;
  contentType: string;
}

/** Sends `fields` and `files` as multipart/form-data, the way a browser's FormData does. */
async function postForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  files: Upload[],
  token?: string,
  fileField = 'files',
) {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  for (const file of files) {
    form.append(
      fileField,
      new Blob([new Uint8Array(file.data)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  }
  return send(baseUrl, path, { body: form }, token);
}

/**
 * Sends a multipart body written byte by byte, for file names no FormData would send as they are: `rawName` as
 * `filename="..."` (raw UTF-8), or `encodedName` as `filename*=UTF-8''...` (percent-encoded, which may hold control
 * characters that a header may not).
 */
async function postRawForm(
  baseUrl: string,
  path: string,
  fields: Record<string, string>,
  files: ({ rawName: Buffer } | { encodedName: string })[],
  token?: string,
) {
  const boundary = `----deskgram${randomBytes(8).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [key, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
  }
  for (const file of files) {
    const name =
      'rawName' in file
        ? Buffer.concat([Buffer.from('filename="'), file.rawName, Buffer.from('"')])
        : Buffer.from(`filename*=UTF-8''${encodeURIComponent(file.encodedName)}`);
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; `),
      name,
      Buffer.from(`\r\nContent-Type: application/octet-stream\r\n\r\n${parts.length}\r\n`),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return send(
    baseUrl,
    path,
    {
      body: new Uint8Array(Buffer.concat(parts)),
      headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    },
    token,
  );
}

async function send(
  baseUrl: string,
  path: string,
  init: { body: FormData | Uint8Array<ArrayBuffer>; headers?: Record<string, string> },
  token?: string,
) {
  const headers: Record<string, string> = { ...init.headers };
  if (token) headers['authorization'] = `Bearer ${token}`;
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: init.body });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined };
}

async function download(baseUrl: string, id: string, token?: string) {
  const response = await fetch(`${baseUrl}/api/attachments/${id}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

async function storedCounts(url: string) {
  const [row] = await queryDatabase<{ attachments: number; contents: number; messages: number }>(
    url,
    `SELECT (SELECT count(*)::int FROM ticket_attachments) AS attachments,
            (SELECT count(*)::int FROM attachment_contents) AS contents,
            (SELECT count(*)::int FROM ticket_messages) AS messages`,
  );
  return row;
}

/** Files on tickets over HTTP: uploads on both routes, downloads byte for byte, who may read them, the limits. */
describe('attachments', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' } });
  let http: TestClient;
  let client: Session;
  let colleague: Session;
  let otherClient: Session;
  let agent: Session;
  let admin: Session;

  beforeAll(async () => {
    http = new TestClient(env.baseUrl);
    [client, colleague, otherClient, agent, admin] = await Promise.all(
      [DEMO.client, DEMO.clientColleague, DEMO.otherClient, DEMO.agent, DEMO.admin].map((email) => http.signIn(email)),
    );
  });

  async function openTicket(subject = 'Files attached') {
    const response = await http.post('/api/tickets', { subject, body: 'See the files.' }, client.accessToken);
    expect(response.status).toBe(201);
    return response.body as { id: string; messages: { attachments: Attachment[] }[] };
  }

  it('opens a ticket from a form with files, typed by their bytes, and hands back exactly those bytes', async () => {
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(5000), Buffer.from('\n%%EOF\n')]);
    const created = await postForm(
      env.baseUrl,
      '/api/tickets',
      { subject: 'Scanner output', body: 'Two files', priority: 'high' },
      [
        { name: 'screenshot.txt', data: PNG, type: 'text/plain' },
        { name: 'Отчёт 2026 ✓.pdf', data: pdf, type: 'application/pdf' },
      ],
      client.accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subject: 'Scanner output', priority: 'high', clientId: client.user.clientId });
    const [first] = created.body.messages;
    expect(first.body).toBe('Two files');
    expect(first.attachments).toEqual([
      { id: expect.any(String), fileName: 'screenshot.txt', size: PNG.length, contentType: 'image/png' },
      { id: expect.any(String), fileName: 'Отчёт 2026 ✓.pdf', size: pdf.length, contentType: 'application/pdf' },
    ]);

    const png = await download(env.baseUrl, first.attachments[0].id, client.accessToken);
    expect(png.status).toBe(200);
    expect(png.bytes.equals(PNG)).toBe(true);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(png.headers.get('content-length')).toBe(String(PNG.length));
    expect(png.headers.get('x-content-type-options')).toBe('nosniff');
    expect(png.headers.get('content-disposition')).toBe(
      `attachment; filename="screenshot.txt"; filename*=UTF-8''screenshot.txt`,
    );

    const report = await download(env.baseUrl, first.attachments[1].id, agent.accessToken);
    expect(report.status).toBe(200);
    expect(report.bytes.equals(pdf)).toBe(true);
    expect(report.headers.get('content-disposition')).toBe(
      `attachment; filename="_____ 2026 _.pdf"; filename*=UTF-8''${encodeURIComponent('Отчёт 2026 ✓.pdf')}`,
    );

    const again = await http.get(`/api/tickets/${created.body.id}`, colleague.accessToken);
    expect(again.body.messages[0].attachments).toEqual(first.attachments);
  });

  it('adds a reply with files and no text; JSON still works and answers an empty list of files', async () => {
    const ticket = await openTicket();
    expect(ticket.messages[0].attachments).toEqual([]);
    const binary = randomBytes(300_000);
    const reply = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: '  ' },
      [{ name: 'dump.bin', data: binary }],
      agent.accessToken,
    );
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ body: '', internal: false, authorRole: 'agent' });
    expect(reply.body.attachments).toEqual([
      { id: expect.any(String), fileName: 'dump.bin', size: binary.length, contentType: 'application/octet-stream' },
    ]);
    const fetched = await download(env.baseUrl, reply.body.attachments[0].id, client.accessToken);
    expect(fetched.bytes.equals(binary)).toBe(true);
    expect(fetched.headers.get('content-length')).toBe(String(binary.length));

    const plain = await http.post(`/api/tickets/${ticket.id}/messages`, { body: 'Thanks' }, client.accessToken);
    expect(plain.status).toBe(201);
    expect(plain.body.attachments).toEqual([]);
    const noBody = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { internal: 'false' },
      [],
      client.accessToken,
    );
    expect(noBody.status).toBe(400);
    expect(noBody.body.message).toMatch(/body must not be empty/);
    const emptyJson = await http.post(`/api/tickets/${ticket.id}/messages`, { body: '' }, client.accessToken);
    expect(emptyJson.status).toBe(400);
    expect(emptyJson.body.message).toMatch(/body must not be empty/);
    const missingJson = await http.post(`/api/tickets/${ticket.id}/messages`, {}, client.accessToken);
    expect(missingJson.status).toBe(400);
    expect(missingJson.body.message).toMatch(/body must not be empty/);
  });

  it('lets only those who may read the ticket download, and never shows a client a file of an internal note', async () => {
    const ticket = await openTicket('Access rules');
    const fromClient = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Invoice scan' },
      [{ name: 'scan.png', data: PNG }],
      client.accessToken,
    );
    const note = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Internal: the real numbers', internal: 'true' },
      [{ name: 'numbers.txt', data: Buffer.from('secret margins\n') }],
      agent.accessToken,
    );
    expect(note.status).toBe(201);
    expect(note.body).toMatchObject({ internal: true });
    expect(note.body.attachments[0]).toMatchObject({ fileName: 'numbers.txt', contentType: 'text/plain' });
    const scan = fromClient.body.attachments[0].id as string;
    const secret = note.body.attachments[0].id as string;

    for (const [who, token] of [
      ['owner', client.accessToken],
      ['colleague', colleague.accessToken],
      ['agent', agent.accessToken],
      ['admin', admin.accessToken],
    ]) {
      const response = await download(env.baseUrl, scan, token);
      expect([who, response.status, response.bytes.equals(PNG)]).toEqual([who, 200, true]);
    }
    const foreign = await http.get(`/api/attachments/${scan}`, otherClient.accessToken);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('attachment.not_found');
    expect((await http.get(`/api/attachments/${scan}`)).status).toBe(401);

    expect((await download(env.baseUrl, secret, agent.accessToken)).bytes.toString()).toBe('secret margins\n');
    for (const token of [client.accessToken, colleague.accessToken]) {
      const hidden = await http.get(`/api/attachments/${secret}`, token);
      expect(hidden.status).toBe(404);
      expect(hidden.body.code).toBe('attachment.not_found');
    }
    const asClient = await http.get(`/api/tickets/${ticket.id}`, client.accessToken);
    expect(JSON.stringify(asClient.body)).not.toContain(secret);

    expect((await http.get('/api/attachments/00000000-0000-4000-8000-000000000000', admin.accessToken)).status).toBe(
      404,
    );
    expect((await http.get('/api/attachments/not-a-uuid', admin.accessToken)).status).toBe(400);
  });

  it('refuses too many files, an empty file and a file in another field, storing nothing', async () => {
    const ticket = await openTicket('Limits');
    const before = await storedCounts(env.database.url);
    const eleven = Array.from({ length: 11 }, (_, index) => ({ name: `f${index}.txt`, data: Buffer.from('x') }));
    const tooMany = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Eleven' },
      eleven,
      client.accessToken,
    );
    expect(tooMany.status).toBe(400);
    expect(tooMany.body).toMatchObject({ statusCode: 400, error: 'Bad Request', code: 'attachment.too_many' });
    expect(tooMany.body.message).toMatch(/at most 10/);

    const ten = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Ten' },
      eleven.slice(1),
      client.accessToken,
    );
    expect(ten.status).toBe(201);
    expect(ten.body.attachments).toHaveLength(10);
    const afterTen = await storedCounts(env.database.url);
    expect(afterTen).toEqual({
      attachments: before.attachments + 10,
      contents: before.contents + 10,
      messages: before.messages + 1,
    });

    const empty = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'One empty' },
      [
        { name: 'fine.txt', data: Buffer.from('fine') },
        { name: 'nothing.txt', data: Buffer.alloc(0) },
      ],
      client.accessToken,
    );
    expect(empty.status).toBe(400);
    expect(empty.body).toMatchObject({ code: 'attachment.empty', message: expect.stringMatching(/nothing\.txt/) });

    const wrongField = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Wrong field' },
      [{ name: 'a.txt', data: Buffer.from('a') }],
      client.accessToken,
      'file',
    );
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.message).toMatch(/"files"/);

    const unknownField = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'x', colour: 'red' },
      [{ name: 'a.txt', data: Buffer.from('a') }],
      client.accessToken,
    );
    expect(unknownField.status).toBe(400);
    expect(await storedCounts(env.database.url)).toEqual(afterTen);
  });

  it('keeps no file of a message that is refused or rolled back', async () => {
    const ticket = await openTicket('Closed soon');
    expect((await http.patch(`/api/tickets/${ticket.id}`, { status: 'closed' }, agent.accessToken)).status).toBe(200);
    const before = await storedCounts(env.database.url);
    const late = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'One more thing' },
      [{ name: 'late.txt', data: Buffer.from('late') }],
      client.accessToken,
    );
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('ticket.closed');
    expect(await storedCounts(env.database.url)).toEqual(before);

    // The bytes are written before the row that names them; make that row fail, and the bytes must go too.
    await queryDatabase(
      env.database.url,
      `CREATE FUNCTION refuse_poison() RETURNS trigger LANGUAGE plpgsql AS $$
       BEGIN IF NEW.file_name = 'poison.txt' THEN RAISE EXCEPTION 'poisoned'; END IF; RETURN NEW; END $$`,
    );
    await queryDatabase(
      env.database.url,
      `CREATE TRIGGER refuse_poison BEFORE INSERT ON ticket_attachments FOR EACH ROW EXECUTE FUNCTION refuse_poison()`,
    );
    try {
      const open = await openTicket('Rolled back');
      const counted = await storedCounts(env.database.url);
      const failed = await postForm(
        env.baseUrl,
        `/api/tickets/${open.id}/messages`,
        { body: 'With poison' },
        [
          { name: 'good.txt', data: Buffer.from('good') },
          { name: 'poison.txt', data: Buffer.from('bad') },
        ],
        client.accessToken,
      );
      expect(failed.status).toBe(500);
      expect(await storedCounts(env.database.url)).toEqual(counted);
    } finally {
      await queryDatabase(env.database.url, 'DROP TRIGGER refuse_poison ON ticket_attachments');
      await queryDatabase(env.database.url, 'DROP FUNCTION refuse_poison()');
    }
  });

  it('cleans file names of folders and control characters, keeps Unicode, and never leaves one empty', async () => {
    const ticket = await openTicket('Names');
    const reply = await postRawForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Odd names' },
      [
        { encodedName: 'C:\\Users\\anna\\Desktop\\re\u0001po\u001frt\u007f\u0085.txt' },
        { rawName: Buffer.from('../../etc/passwd') },
        { encodedName: '\u0007\u0008\t' },
        { rawName: Buffer.from('résumé\u202egpj.exe', 'utf8') },
        { rawName: Buffer.from(`${'я'.repeat(300)}.txt`, 'utf8') },
      ],
      client.accessToken,
    );
    expect([reply.status, reply.body.message]).toEqual([201, undefined]);
    const names = (reply.body.attachments as Attachment[]).map((attachment) => attachment.fileName);
    expect(names.slice(0, 4)).toEqual(['report.txt', 'passwd', 'file', 'résumégpj.exe']);
    expect(Array.from(names[4])).toHaveLength(255);
    expect(names[4]).toMatch(/^я+\.txt$/);
  });

  it('serves pages and pictures a browser would render only as downloads', async () => {
    const ticket = await openTicket('Markup');
    const html = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');
    const svg = Buffer.from('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>');
    const reply = await postForm(
      env.baseUrl,
      `/api/tickets/${ticket.id}/messages`,
      { body: 'Markup' },
      [
        { name: 'page.html', data: html, type: 'text/html' },
        { name: 'logo.svg', data: svg, type: 'image/svg+xml' },
      ],
      client.accessToken,
    );
    expect(reply.status).toBe(201);
    for (const attachment of reply.body.attachments as Attachment[]) {
      expect(attachment.contentType).not.toMatch(/html|svg|xml/);
      const fetched = await download(env.baseUrl, attachment.id, client.accessToken);
      expect(fetched.headers.get('content-type')).not.toMatch(/html|svg|xml/);
      expect(fetched.headers.get('content-disposition')).toMatch(/^attachment;/);
      expect(fetched.headers.get('x-content-type-options')).toBe('nosniff');
    }
  });
});

describe('attachments with MAX_ATTACHMENT_MB=1', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true', MAX_ATTACHMENT_MB: '1' } });

  it('refuses a file over the limit with a 413 and stores nothing; a file of exactly the limit is taken', async () => {
    const http = new TestClient(env.baseUrl);
    const client = await http.signIn(DEMO.client);
    // The forms learn the limits before uploading; anonymous callers learn nothing.
    expect((await http.get('/api/attachments/limits', client.accessToken)).body).toEqual({
      maxFiles: 10,
      maxFileBytes: 1024 * 1024,
    });
    expect((await http.get('/api/attachments/limits')).status).toBe(401);
    const before = await storedCounts(env.database.url);
    const tooLarge = await postForm(
      env.baseUrl,
      '/api/tickets',
      { subject: 'Big file' },
      [
        { name: 'small.txt', data: Buffer.from('small') },
        { name: 'big.bin', data: randomBytes(1024 * 1024 + 1) },
      ],
      client.accessToken,
    );
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body).toMatchObject({ statusCode: 413, code: 'attachment.too_large' });
    expect(tooLarge.body.message).toMatch(/1 MB/);
    expect(await storedCounts(env.database.url)).toEqual(before);

    const limit = randomBytes(1024 * 1024);
    const fits = await postForm(
      env.baseUrl,
      '/api/tickets',
      { subject: 'Just fits' },
      [{ name: 'limit.bin', data: limit }],
      client.accessToken,
    );
    expect(fits.status).toBe(201);
    expect(fits.body.messages[0]).toMatchObject({
      body: '',
      attachments: [expect.objectContaining({ size: limit.length })],
    });
    const fetched = await download(env.baseUrl, fits.body.messages[0].attachments[0].id, client.accessToken);
    expect(fetched.bytes.equals(limit)).toBe(true);
  });
});
