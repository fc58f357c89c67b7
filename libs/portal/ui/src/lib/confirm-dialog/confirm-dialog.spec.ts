import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { TranslocoService } from '@jsverse/transloco';
import { confirmAction } from './confirm-dialog';

@Component({ template: '' })
class Placeholder {}

function dialog(): HTMLElement {
  const element = document.querySelector<HTMLElement>('dg-confirm-dialog');
  if (!element) throw new Error('No confirm dialog is open');
  return element;
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(dialog().querySelectorAll('button')).find((candidate) => textOf(candidate) === text);
  if (!found) throw new Error(`No button ${text}`);
  return found;
}

async function settle(): Promise<void> {
  for (let n = 0; n < 3; n++) await nextMacrotask();
}

describe(confirmAction.name, () => {
  let matDialog: MatDialog;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [providePortalForTests()] });
    await TestBed.createComponent(Placeholder).whenStable();
    matDialog = TestBed.inject(MatDialog);
  });

  afterEach(() => matDialog.closeAll());

  const data = { title: 'Void INV-7?', message: 'It cannot be taken back.', confirm: 'Void', destructive: true };

  it('shows the texts and resolves true when the person confirms', async () => {
    const answer = confirmAction(matDialog, data);
    await settle();

    expect(textOf(dialog().querySelector('h2'))).toBe('Void INV-7?');
    expect(textOf(dialog().querySelector('.message'))).toBe('It cannot be taken back.');
    expect(button('Void').classList).toContain('destructive');

    button('Void').click();
    await expect(answer).resolves.toBe(true);
  });

  it('resolves false on Cancel, in the current language', async () => {
    TestBed.inject(TranslocoService).setActiveLang('ru');
    const answer = confirmAction(matDialog, { ...data, destructive: false });
    await settle();

    expect(button('Void').classList).not.toContain('destructive');
    button('Отмена').click();
    await expect(answer).resolves.toBe(false);
  });

  it('resolves false when the dialog is closed another way', async () => {
    const answer = confirmAction(matDialog, data);
    await settle();

    matDialog.closeAll();
    await expect(answer).resolves.toBe(false);
  });
});
