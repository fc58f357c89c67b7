import { useTestEnvironment } from '@deskgram/testing/harness';
import { signedInPage } from './support/sessions';

/** An invoice from the staff's editor to the client's printable page, on the built API, in a real browser. */
describe('invoices', () => {
  const env = useTestEnvironment({ api: { DEMO_DATA: 'true' }, browser: true });

  it('staff create and issue an invoice, and the client sees and opens it', async () => {
    const staff = await signedInPage(env.baseUrl, env.browser, 'admin@deskgram.example');
    const errors: string[] = [];
    staff.on('pageerror', (error) => errors.push(error.message));

    await staff.goto(`${env.baseUrl}/staff/invoices`);
    await staff.getByRole('heading', { name: 'Invoices', exact: true }).waitFor();
    await staff.getByRole('link', { name: 'New invoice' }).first().click();
    await staff.getByRole('heading', { name: 'New invoice', exact: true }).waitFor();

    await staff.locator('input.client-input').fill('North');
    await staff.getByRole('option', { name: 'Northwind Trading' }).click();
    await staff.locator('input.due-input').fill('2030-01-31');
    await staff.locator('input.line-description').first().fill('Support hours, November');
    await staff.locator('input.line-quantity').first().fill('3');
    await staff.locator('input.line-price').first().fill('40.50');
    await staff.getByRole('button', { name: 'Add line' }).click();
    await staff.locator('input.line-description').nth(1).fill('Onboarding');
    await staff.locator('input.line-quantity').nth(1).fill('1');
    await staff.locator('input.line-price').nth(1).fill('100.00');
    expect(await staff.locator('.total-amount').textContent()).toContain('€221.50');

    await staff.getByRole('button', { name: 'Save draft' }).click();
    await staff.waitForURL(/\/staff\/invoices\/[0-9a-f-]{36}$/);
    await staff.getByRole('heading', { name: 'Draft invoice' }).waitFor();

    await staff.getByRole('button', { name: 'Issue', exact: true }).click();
    const dialog = staff.getByRole('dialog');
    await dialog.getByText('Issue this invoice?').waitFor();
    await dialog.getByRole('button', { name: 'Issue', exact: true }).click();
    await staff.getByText('Invoice issued').waitFor();
    const number = ((await staff.locator('h1').textContent()) ?? '').trim();
    expect(number).not.toBe('Draft invoice');
    expect(number).not.toBe('');
    const id = staff.url().split('/').pop() ?? '';
    expect(errors).toEqual([]);
    await staff.close();

    const client = await signedInPage(env.baseUrl, env.browser, 'anna@northwind.example');
    await client.goto(`${env.baseUrl}/client/invoices`);
    await client.getByRole('heading', { name: 'Invoices', exact: true }).waitFor();
    const row = client.locator('tr', { has: client.getByRole('link', { name: number, exact: true }) });
    await row.waitFor();
    expect(await row.textContent()).toContain('€221.50');

    await row.getByRole('link', { name: number, exact: true }).click();
    await client.waitForURL(new RegExp(`/client/invoices/${id}$`));
    await client.locator('.sheet-number', { hasText: number }).waitFor();
    expect(await client.locator('.sheet-total').textContent()).toContain('€221.50');
    expect(await client.locator('.sheet').textContent()).toContain('Support hours, November');
    await client.getByRole('button', { name: 'Print' }).waitFor();
    await client.close();
  });
});
