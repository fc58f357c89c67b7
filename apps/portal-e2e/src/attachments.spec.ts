import { useTestEnvironment } from '@deskgram/testing/harness';
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { signedInPage } from './support/sessions';

/** Files on a ticket: dropped by a client on the new-ticket form, downloaded by staff byte for byte. */
describe('attachments', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' }, browser: 2 });
  const clientBrowser = () => env.browsers[0];
  const agentBrowser = () => env.browsers[1];

  it('a client drops files on a new ticket, and an agent downloads them unchanged and sees the image', async () => {
    const subject = `Label printer prints garbage ${Date.now()}`;
    // Bytes that are not text, so that any re-encoding on the way would show.
    const log = Array.from(randomBytes(48 * 1024));
    const errors: string[] = [];

    const client = await signedInPage(env.baseUrl, clientBrowser(), 'anna@northwind.example');
    client.on('pageerror', (error) => errors.push(error.message));
    await client.goto(`${env.baseUrl}/client/tickets/new`);
    await client.getByRole('heading', { name: 'New ticket', exact: true }).waitFor();
    await client.getByLabel('Subject', { exact: true }).fill(subject);

    // Two files dropped at once: a binary log and a PNG drawn in the page.
    const dataTransfer = await client.evaluateHandle(async (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'printer.log', { type: 'application/octet-stream' }));
      const canvas = new OffscreenCanvas(320, 200);
      const context = canvas.getContext('2d');
      if (!context) {
        throw new Error('No 2d context');
      }
      context.fillStyle = '#1565c0';
      context.fillRect(0, 0, 320, 200);
      context.fillStyle = '#ffca28';
      context.fillRect(40, 40, 240, 120);
      const png = await canvas.convertToBlob({ type: 'image/png' });
      transfer.items.add(new File([png], 'label.png', { type: 'image/png' }));
      return transfer;
    }, log);
    const zone = client.getByTestId('drop-zone');
    await zone.dispatchEvent('dragenter', { dataTransfer });
    await zone.dispatchEvent('dragover', { dataTransfer });
    await client.locator('[data-testid="drop-zone"].over').waitFor();
    await zone.dispatchEvent('drop', { dataTransfer });
    await client.locator('[data-testid="drop-zone"]:not(.over)').waitFor();
    const chosen = client.locator('.chosen-file');
    await chosen.nth(1).waitFor();
    expect(await chosen.allTextContents()).toEqual([
      expect.stringMatching(/printer\.log\s*48 KB/),
      expect.stringMatching(/label\.png\s*[\d.]+ (B|KB)/),
    ]);

    // No description: the files are the message.
    const created = client.waitForResponse(
      (response) => response.url().endsWith('/api/tickets') && response.request().method() === 'POST',
    );
    await client.getByRole('button', { name: 'Open ticket' }).click();
    expect((await created).status()).toBe(201);
    await client.waitForURL(/\/client\/tickets\/[0-9a-f-]{36}$/);
    await client.getByRole('heading', { name: subject }).waitFor();
    const ticketId = new URL(client.url()).pathname.split('/').pop();
    await client.locator('.attachment', { hasText: 'printer.log' }).waitFor();

    // The agent opens the ticket: the image as a thumbnail, the log as a file to download.
    const agent = await signedInPage(env.baseUrl, agentBrowser(), 'agent@deskgram.example');
    agent.on('pageerror', (error) => errors.push(error.message));
    await agent.goto(`${env.baseUrl}/staff/tickets/${ticketId}`);
    await agent.getByRole('heading', { name: subject }).waitFor();
    const thumbnail = agent.locator('.attachment img.thumb');
    await thumbnail.waitFor();
    await agent.waitForFunction(() => {
      const image = document.querySelector<HTMLImageElement>('.attachment img.thumb');
      return image !== null && image.complete && image.naturalWidth === 320;
    });
    expect(await thumbnail.getAttribute('src')).toMatch(/^data:image\/png;base64,/);

    const download = agent.waitForEvent('download');
    await agent.getByRole('button', { name: 'Download printer.log' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('printer.log');
    const path = await file.path();
    expect(Buffer.compare(await readFile(path), Buffer.from(log))).toBe(0);

    // The thumbnail opens the image at full size.
    await agent.getByRole('button', { name: 'Open label.png at full size' }).click();
    const full = agent.locator('mat-dialog-container img.full');
    await full.waitFor();
    expect(await full.evaluate((image: HTMLImageElement) => image.naturalHeight)).toBe(200);
    await agent.getByRole('button', { name: 'Close' }).click();
    await full.waitFor({ state: 'detached' });

    // An internal note with a file chosen by the button; the client never sees it.
    await agent
      .getByRole('radio', { name: 'Internal note' })
      .or(agent.getByRole('button', { name: 'Internal note' }))
      .click();
    await agent.locator('dg-reply-box textarea').fill('Firmware notes attached.');
    await agent.locator('dg-reply-box input[type="file"]').setInputFiles({
      name: 'firmware-notes.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Update to 2.4.1 first.'),
    });
    await agent.locator('dg-reply-box .chosen-file', { hasText: 'firmware-notes.txt' }).waitFor();
    const noted = agent.waitForResponse((response) => response.url().endsWith('/messages'));
    await agent.getByRole('button', { name: 'Add note' }).click();
    expect((await noted).status()).toBe(201);
    await agent.locator('.message.internal .attachment', { hasText: 'firmware-notes.txt' }).waitFor();

    await client.reload();
    await client.locator('.attachment', { hasText: 'label.png' }).waitFor();
    expect(await client.getByText('firmware-notes.txt').count()).toBe(0);

    expect(errors).toEqual([]);
    await agent.close();
    await client.close();
  });
});
