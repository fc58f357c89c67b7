import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { type ResetLinkDto } from '@deskgram/api-client';
import { nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { HttpErrorResponse } from '@angular/common/http';
import { AccountDialogs } from './account-dialogs';
import { generatePassword } from './password-rules';

@Component({ template: '' })
class Placeholder {}

function dialogElement(): HTMLElement {
  const element = document.querySelector<HTMLElement>('mat-dialog-container');
  if (!element) throw new Error('No dialog is open');
  return element;
}

function button(text: RegExp): HTMLButtonElement {
  const found = Array.from(dialogElement().querySelectorAll<HTMLButtonElement>('button')).find((candidate) =>
    text.test(textOf(candidate) || candidate.getAttribute('aria-label') || ''),
  );
  if (!found) throw new Error(`No button ${text}`);
  return found;
}

async function settle(): Promise<void> {
  for (let n = 0; n < 4; n++) await nextMacrotask();
}

function refusal(status: number, message: string, code?: string): HttpErrorResponse {
  return new HttpErrorResponse({ status, error: { statusCode: status, error: 'Error', message, code } });
}

describe(AccountDialogs.name, () => {
  let dialogs: AccountDialogs;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [providePortalForTests()] });
    const fixture = TestBed.createComponent(Placeholder);
    await fixture.whenStable();
    dialogs = TestBed.inject(AccountDialogs);
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  describe('setPassword', () => {
    it('generates a password, sends it, and shows it once with a copy button', async () => {
      const submit = jest.fn().mockResolvedValue(undefined);
      const closed = dialogs.setPassword({ name: 'Anna Lee', submit });
      await settle();
      expect(textOf(dialogElement().querySelector('h2'))).toBe('New password for Anna Lee');

      button(/^Generate$/).click();
      await settle();
      const input = dialogElement().querySelector<HTMLInputElement>('input');
      expect(input?.value).toMatch(/^[A-Za-z2-9]{16}$/);
      const generated = input?.value;

      button(/^Set password$/).click();
      await settle();
      expect(submit).toHaveBeenCalledWith(generated);
      expect(textOf(dialogElement().querySelector('[data-testid="new-password-value"]'))).toBe(generated);
      expect(textOf(dialogElement())).toContain('The password of Anna Lee is set');
      expect(textOf(dialogElement())).toContain('it is not shown again');

      button(/^Done$/).click();
      expect(await closed).toBe(true);
    });

    it('sends nothing shorter than 8 characters', async () => {
      const submit = jest.fn();
      void dialogs.setPassword({ name: 'Anna Lee', submit });
      await settle();
      const input = dialogElement().querySelector<HTMLInputElement>('input') as HTMLInputElement;
      input.value = 'short';
      input.dispatchEvent(new Event('input'));
      button(/^Set password$/).click();
      await settle();
      expect(submit).not.toHaveBeenCalled();
      expect(textOf(dialogElement().querySelector('mat-error'))).toBe('Use at least 8 characters');
    });

    it('says why the API refused, and lets the person try again', async () => {
      const submit = jest.fn().mockRejectedValue(refusal(404, 'No user', 'user.not_found'));
      void dialogs.setPassword({
        name: 'Anna Lee',
        submit,
        errorTexts: { 'user.not_found': 'clients.detail.userGone' },
      });
      await settle();
      button(/^Generate$/).click();
      button(/^Set password$/).click();
      await settle();
      expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe(
        'This user no longer belongs to the client.',
      );
      expect(dialogElement().querySelector<HTMLInputElement>('input')?.disabled).toBe(false);
    });
  });

  describe('resetLink', () => {
    const link: ResetLinkDto = {
      url: 'https://help.example.org/reset-password#token=abc',
      expiresAt: '2026-12-03T10:00:00.000Z',
    };

    it('creates the link as it opens and shows it with its expiry', async () => {
      const create = jest.fn().mockResolvedValue(link);
      void dialogs.resetLink({ name: 'Ben Carter', create });
      await settle();
      expect(create).toHaveBeenCalledTimes(1);
      expect(textOf(dialogElement().querySelector('[data-testid="reset-link-url"]'))).toBe(link.url);
      expect(textOf(dialogElement())).toMatch(/It works until Dec 3, 2026/);
      expect(textOf(dialogElement())).toContain('Pass this link on to Ben Carter');
    });

    it('shows a failure with Try again, which asks once more', async () => {
      const create = jest.fn().mockRejectedValueOnce(refusal(500, 'Internal server error')).mockResolvedValue(link);
      void dialogs.resetLink({ name: 'Ben Carter', create });
      await settle();
      expect(textOf(dialogElement().querySelector('[role="alert"]'))).toBe('Internal server error');

      button(/^Try again$/).click();
      await settle();
      expect(create).toHaveBeenCalledTimes(2);
      expect(textOf(dialogElement().querySelector('[data-testid="reset-link-url"]'))).toBe(link.url);
    });
  });

  describe('confirmDisable', () => {
    it('asks before disabling and answers what the person chose', async () => {
      const answer = dialogs.confirmDisable('Anna Lee');
      await settle();
      expect(textOf(dialogElement().querySelector('h2'))).toBe('Disable Anna Lee?');
      button(/^Disable$/).click();
      expect(await answer).toBe(true);
    });
  });
});

describe(generatePassword.name, () => {
  it('makes different 16-character passwords without look-alike characters', () => {
    const passwords = new Set(Array.from({ length: 50 }, () => generatePassword()));
    expect(passwords.size).toBe(50);
    for (const password of passwords) expect(password).toMatch(/^[a-km-np-zA-HJ-NP-Z2-9]{16}$/);
  });
});
