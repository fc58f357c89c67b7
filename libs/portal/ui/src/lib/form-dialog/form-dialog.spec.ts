import { ChangeDetectionStrategy, Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { FormControl, FormGroup, ReactiveFormsModule } from '@angular/forms';
import { MatDialog } from '@angular/material/dialog';
import { nextMacrotask, providePortalForTests, textOf } from '@deskgram/portal/testing';
import { FormDialog } from './form-dialog';

@Component({
  imports: [FormDialog, ReactiveFormsModule],
  template: `
    <form
      dgFormDialog
      title="New client"
      submitLabel="Create"
      [busy]="busy()"
      [error]="error()"
      [formGroup]="form"
      (ngSubmit)="submitted = submitted + 1"
      novalidate
    >
      <p dgFormDialogIntro class="intro">Who is it?</p>
      <input formControlName="name" />
    </form>
  `,
  changeDetection: ChangeDetectionStrategy.OnPush,
})
class ExampleDialog {
  readonly busy = signal(false);
  readonly error = signal<string | null>(null);
  readonly form = new FormGroup({ name: new FormControl('') });
  submitted = 0;
}

function element(): HTMLElement {
  const found = document.querySelector<HTMLElement>('mat-dialog-container');
  if (!found) throw new Error('No dialog is open');
  return found;
}

function button(text: string): HTMLButtonElement {
  const found = Array.from(element().querySelectorAll('button')).find((candidate) => textOf(candidate) === text);
  if (!found) throw new Error(`No button ${text}`);
  return found;
}

async function settle(): Promise<void> {
  for (let n = 0; n < 3; n++) await nextMacrotask();
}

describe(FormDialog.name, () => {
  let dialog: ExampleDialog;

  beforeEach(async () => {
    TestBed.configureTestingModule({ providers: [providePortalForTests()] });
    dialog = TestBed.inject(MatDialog).open(ExampleDialog).componentInstance;
    await settle();
  });

  afterEach(() => TestBed.inject(MatDialog).closeAll());

  it('frames the fields with the title, Cancel and Submit, the intro first', () => {
    expect(textOf(element().querySelector('h2'))).toBe('New client');
    expect(element().querySelector('mat-dialog-content')?.firstElementChild?.className).toBe('intro');
    expect(element().querySelector('mat-dialog-content input')).not.toBeNull();
    expect(button('Cancel').disabled).toBe(false);
    expect(button('Create').type).toBe('submit');
  });

  it('submits the form with its Submit button', async () => {
    button('Create').click();
    await settle();

    expect(dialog.submitted).toBe(1);
  });

  it('disables both actions and spins while busy, and enables them again', async () => {
    dialog.busy.set(true);
    await settle();

    expect(button('Cancel').disabled).toBe(true);
    expect(button('Create').disabled).toBe(true);
    expect(button('Create').querySelector('mat-progress-spinner')).not.toBeNull();

    dialog.busy.set(false);
    await settle();

    expect(button('Create').disabled).toBe(false);
    expect(button('Create').querySelector('mat-progress-spinner')).toBeNull();
  });

  it('shows the refusal as an alert above the fields', async () => {
    expect(element().querySelector('[role="alert"]')).toBeNull();

    dialog.error.set('This e-mail address is already in use.');
    await settle();

    expect(textOf(element().querySelector('[role="alert"]'))).toBe('This e-mail address is already in use.');
  });
});
