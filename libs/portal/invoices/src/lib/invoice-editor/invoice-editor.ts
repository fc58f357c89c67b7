import { ChangeDetectionStrategy, Component, computed, effect, inject, input, resource, signal } from '@angular/core';
import { MatAutocomplete, MatAutocompleteTrigger } from '@angular/material/autocomplete';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatOption } from '@angular/material/core';
import { MatDialog } from '@angular/material/dialog';
import { MatError, MatFormField, MatHint, MatLabel } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatProgressBar } from '@angular/material/progress-bar';
import { MatSnackBar } from '@angular/material/snack-bar';
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import {
  createInvoice,
  DeskgramApi,
  getInvoice,
  type InvoiceDetailDto,
  type InvoiceItemInputDto,
  issueInvoice,
  listClients,
  payInvoice,
  updateInvoice,
  voidInvoice,
} from '@deskgram/api-client';
import { apiErrorOf, apiErrorText } from '@deskgram/portal/core';
import { confirmAction } from '@deskgram/portal/ui';
import { currencyDecimals, formatMinor, isCurrency, lineAmountOf } from '@deskgram/shared/contract';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { currentLanguage, DayPipe, MoneyPipe } from '../format';
import { InvoiceStatusChip } from '../invoice-status';

/** The currencies offered first; any other ISO 4217 code can be typed. */
export const COMMON_CURRENCIES: readonly string[] = ['EUR', 'USD', 'GBP', 'RUB', 'JPY'];

export type InvoiceAction = 'issue' | 'pay' | 'void';

/** The editable fields of a line, in the order of the columns: the column's key, the field's and the input's class. */
const LINE_FIELDS: readonly {
  readonly name: 'description' | 'quantity' | 'unitPrice';
  readonly fieldClass: string;
  readonly inputClass: string;
  readonly maxLength: number | null;
  readonly inputMode: 'decimal' | null;
}[] = [
  { name: 'description', fieldClass: 'description', inputClass: 'line-description', maxLength: 500, inputMode: null },
  { name: 'quantity', fieldClass: 'quantity', inputClass: 'line-quantity', maxLength: null, inputMode: 'decimal' },
  { name: 'unitPrice', fieldClass: 'price', inputClass: 'line-price', maxLength: null, inputMode: 'decimal' },
];

interface Line {
  readonly key: number;
  readonly description: string;
  readonly quantity: string;
  readonly unitPrice: string;
}

/** A number as typed, with a decimal comma allowed, as the API takes it ("1,5" -> "1.5"). */
function decimalText(text: string): string {
  return text.trim().replace(',', '.');
}

/** A calendar date 30 days from today, as the due date of a new invoice. */
function inThirtyDays(): string {
  const date = new Date();
  date.setDate(date.getDate() + 30);
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * `/staff/invoices/new` and `/staff/invoices/:id`: a draft's client, currency, due date and lines, with the
 * amounts and the total worked out as the person types (in exact minor units, as the server does). An issued,
 * paid or void invoice is shown read-only, with the actions its status allows.
 */
@Component({
  selector: 'dg-invoice-editor',
  imports: [
    DayPipe,
    InvoiceStatusChip,
    MatAutocomplete,
    MatAutocompleteTrigger,
    MatButton,
    MatError,
    MatFormField,
    MatHint,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatOption,
    MatProgressBar,
    MoneyPipe,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './invoice-editor.html',
  styleUrl: './invoice-editor.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class InvoiceEditor {
  private readonly api = inject(DeskgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);
  private nextKey = 1;

  /** The invoice's id; absent on `/staff/invoices/new`. */
  readonly id = input<string>();

  protected readonly language = currentLanguage();
  protected readonly currencies = COMMON_CURRENCIES;
  protected readonly lineFields = LINE_FIELDS;

  protected readonly invoice = resource({
    params: () => {
      const id = this.id();
      return id ? { id } : undefined;
    },
    loader: ({ params }) => this.api.invoke(getInvoice, { id: params.id }),
  });

  protected readonly clientId = signal<string | null>(null);
  protected readonly clientSearch = signal('');
  protected readonly currency = signal('EUR');
  protected readonly dueDate = signal(inThirtyDays());
  protected readonly lines = signal<readonly Line[]>([this.newLine()]);
  protected readonly busy = signal(false);
  protected readonly submitted = signal(false);

  protected readonly clients = resource({
    // Only while a client is being picked: a saved invoice keeps its client.
    params: () => (this.clientId() === null && this.isNew() ? { search: this.clientSearch().trim() } : undefined),
    loader: ({ params }) => this.api.invoke(listClients, { search: params.search || undefined, pageSize: 20 }),
  });

  protected readonly isNew = computed(() => !this.id());
  protected readonly status = computed(() => (this.invoice.hasValue() ? this.invoice.value().status : null));
  protected readonly readOnly = computed(() => {
    const status = this.status();
    return status !== null && status !== 'draft';
  });
  protected readonly actions = computed<readonly InvoiceAction[]>(() => {
    switch (this.status()) {
      case 'draft':
        return ['issue', 'void'];
      case 'issued':
      case 'overdue':
        return ['pay', 'void'];
      case 'paid':
      case 'void':
      case null:
        return [];
    }
  });

  protected readonly currencyCode = computed(() => this.currency().trim().toUpperCase());
  protected readonly currencyValid = computed(() => isCurrency(this.currencyCode()));
  protected readonly decimals = computed(() => (this.currencyValid() ? currencyDecimals(this.currencyCode()) : 2));
  protected readonly currencyOptions = computed(() => {
    const typed = this.currencyCode();
    return COMMON_CURRENCIES.filter((code) => code.startsWith(typed) || typed === '' || this.currencyValid());
  });

  /** Each line's amount in minor units, or null while its quantity or price is not a valid number. */
  protected readonly amounts = computed(() =>
    this.lines().map((line) => {
      const amount = lineAmountOf(decimalText(line.quantity), decimalText(line.unitPrice), this.decimals());
      return amount !== null && amount >= 0n ? amount : null;
    }),
  );
  /** The amounts as decimal strings, for formatting. */
  protected readonly amountTexts = computed(() =>
    this.amounts().map((amount) => (amount === null ? null : formatMinor(amount, this.decimals()))),
  );
  protected readonly total = computed(() =>
    formatMinor(
      this.amounts().reduce<bigint>((sum, amount) => sum + (amount ?? 0n), 0n),
      this.decimals(),
    ),
  );

  protected readonly linesValid = computed(
    () =>
      this.lines().length > 0 &&
      this.lines().every(
        (line, index) =>
          line.description.trim() !== '' &&
          this.amounts()[index] !== null &&
          /^\d{1,9}(\.\d{1,3})?$/.test(decimalText(line.quantity)) &&
          Number(decimalText(line.quantity)) > 0,
      ),
  );
  protected readonly valid = computed(
    () => this.clientId() !== null && this.currencyValid() && this.dueDate() !== '' && this.linesValid(),
  );

  constructor() {
    effect(() => {
      if (this.invoice.hasValue()) {
        this.fill(this.invoice.value());
      }
    });
  }

  protected addLine(): void {
    this.lines.update((lines) => [...lines, this.newLine()]);
  }

  protected removeLine(key: number): void {
    this.lines.update((lines) => lines.filter((line) => line.key !== key));
  }

  protected setLine(key: number, field: (typeof LINE_FIELDS)[number]['name'], value: string): void {
    this.lines.update((lines) => lines.map((line) => (line.key === key ? { ...line, [field]: value } : line)));
  }

  protected lineInvalid(index: number): boolean {
    return this.submitted() && this.amounts()[index] === null;
  }

  protected typeClient(text: string): void {
    this.clientSearch.set(text);
    this.clientId.set(null);
  }

  protected pickClient(id: string): void {
    const client = this.clients.hasValue() ? this.clients.value().items.find((c) => c.id === id) : undefined;
    this.clientId.set(id);
    this.clientSearch.set(client?.name ?? '');
  }

  protected async save(): Promise<void> {
    this.submitted.set(true);
    const clientId = this.clientId();
    if (!this.valid() || clientId === null || this.busy()) {
      return;
    }
    const items: InvoiceItemInputDto[] = this.lines().map((line) => ({
      description: line.description.trim(),
      quantity: decimalText(line.quantity),
      unitPrice: decimalText(line.unitPrice),
    }));
    const body = { currency: this.currencyCode(), dueDate: this.dueDate(), items };
    this.busy.set(true);
    try {
      const id = this.id();
      if (id) {
        const saved = await this.api.invoke(updateInvoice, { id, body });
        this.invoice.set(saved);
        this.notify('invoices.editor.saved');
      } else {
        const created = await this.api.invoke(createInvoice, { body: { clientId, ...body } });
        this.notify('invoices.editor.created');
        await this.router.navigate(['..', created.id], { relativeTo: this.route, replaceUrl: true });
      }
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  protected async act(action: InvoiceAction): Promise<void> {
    const invoice = this.invoice.hasValue() ? this.invoice.value() : undefined;
    if (!invoice || this.busy()) {
      return;
    }
    const key = `invoices.editor.confirm.${action}`;
    const confirmed = await confirmAction(this.dialog, {
      title: this.transloco.translate(`${key}.title`),
      message: this.transloco.translate(`${key}.message`, { number: invoice.number ?? '' }),
      confirm: this.transloco.translate(`${key}.confirm`),
      destructive: action === 'void',
    });
    if (confirmed) {
      await this.run(action, invoice.id);
    }
  }

  private async run(action: InvoiceAction, id: string): Promise<void> {
    const call = { issue: issueInvoice, pay: payInvoice, void: voidInvoice }[action];
    this.busy.set(true);
    try {
      this.invoice.set(await this.api.invoke(call, { id }));
      this.notify(`invoices.editor.done.${action}`);
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy.set(false);
    }
  }

  private fail(error: unknown): void {
    if (apiErrorOf(error).code === 'invoice.not_draft') {
      this.invoice.reload();
    }
    this.snackBar.open(apiErrorText(error, this.transloco), this.transloco.translate('common.dismiss'), {
      duration: 8000,
    });
  }

  private notify(key: string): void {
    this.snackBar.open(this.transloco.translate(key), undefined, { duration: 4000 });
  }

  private fill(invoice: InvoiceDetailDto): void {
    this.clientId.set(invoice.clientId);
    this.clientSearch.set(invoice.clientName);
    this.currency.set(invoice.currency);
    this.dueDate.set(invoice.dueDate);
    this.lines.set(
      invoice.items.map((item) => ({
        key: this.nextKey++,
        description: item.description,
        quantity: item.quantity,
        unitPrice: item.unitPrice,
      })),
    );
    this.submitted.set(false);
  }

  private newLine(): Line {
    return { key: this.nextKey++, description: '', quantity: '1', unitPrice: '' };
  }
}
