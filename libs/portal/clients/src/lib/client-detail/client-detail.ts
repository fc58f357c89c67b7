import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, input, resource, signal } from '@angular/core';
import { MatAnchor, MatButton, MatIconButton } from '@angular/material/button';
import { MatCard, MatCardContent, MatCardHeader, MatCardTitle } from '@angular/material/card';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { MatSnackBar } from '@angular/material/snack-bar';
import { MatTooltip } from '@angular/material/tooltip';
import { RouterLink } from '@angular/router';
import {
  type ClientDto,
  type ClientUserDto,
  createClientUserResetLink,
  DeskgramApi,
  getClient,
  setClientUserPassword,
  updateClientUser,
} from '@deskgram/api-client';
import { AccountDialogs } from '@deskgram/portal/accounts';
import { apiErrorOf, apiErrorText, LanguageStore, RelativeTimePipe, type ErrorTexts } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { ClientDialog, type ClientDialogData } from '../client-dialog/client-dialog';
import { ClientUserDialog, type ClientUserDialogData } from '../client-user-dialog/client-user-dialog';
import {
  connectedUsers,
  pluralKey,
  TelegramMessageDialog,
  type TelegramMessageDialogData,
} from '../telegram-message-dialog/telegram-message-dialog';

type View = 'loading' | 'notFound' | 'error' | 'client';

/** API error codes the page explains in the person's language. */
const USER_ERROR_TEXTS: ErrorTexts = {
  'user.not_found': 'clients.detail.userGone',
};

const DIALOG_SIZE = { width: '560px', maxWidth: 'calc(100vw - 32px)' } as const;

/** `/staff/clients/:id`: the client's contacts and its portal users. */
@Component({
  selector: 'dg-client-detail',
  imports: [
    DatePipe,
    MatAnchor,
    MatButton,
    MatCard,
    MatCardContent,
    MatCardHeader,
    MatCardTitle,
    MatChip,
    MatChipSet,
    MatIcon,
    MatIconButton,
    MatMenu,
    MatMenuItem,
    MatMenuTrigger,
    MatTooltip,
    RelativeTimePipe,
    RouterLink,
    TranslocoDirective,
  ],
  templateUrl: './client-detail.html',
  styleUrl: './client-detail.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientDetail {
  private readonly api = inject(DeskgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly accounts = inject(AccountDialogs);

  /** The `:id` of the address. */
  readonly id = input.required<string>();

  protected readonly language = inject(LanguageStore).language;
  protected readonly connectedUsers = connectedUsers;
  /** Users with a change on its way; their menus wait for the answer. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());
  protected readonly client = resource({
    params: () => ({ id: this.id() }),
    loader: ({ params }) => this.api.invoke(getClient, { id: params.id }),
  });
  protected readonly view = computed<View>(() => {
    if (this.client.status() === 'error') {
      // A malformed id (400) is, to a person following a link, the same as a client that is not there.
      const status = apiErrorOf(this.client.error()).status;
      return status === 404 || status === 400 ? 'notFound' : 'error';
    }
    return this.client.hasValue() ? 'client' : 'loading';
  });

  protected edit(client: ClientDto): void {
    this.dialog
      .open<ClientDialog, ClientDialogData, ClientDto>(ClientDialog, { ...DIALOG_SIZE, data: { client } })
      .afterClosed()
      .subscribe((updated) => this.show(updated, 'clients.detail.saved'));
  }

  protected addUser(client: ClientDto): void {
    this.dialog
      .open<ClientUserDialog, ClientUserDialogData, ClientDto>(ClientUserDialog, { ...DIALOG_SIZE, data: { client } })
      .afterClosed()
      .subscribe((updated) => this.show(updated, 'clients.detail.userAdded'));
  }

  protected message(client: ClientDto): void {
    // The button stays focusable while disabled, to explain itself in a tooltip, so its clicks still arrive here.
    if (connectedUsers(client) === 0) {
      return;
    }
    this.dialog
      .open<TelegramMessageDialog, TelegramMessageDialogData, number>(TelegramMessageDialog, {
        ...DIALOG_SIZE,
        data: { client },
      })
      .afterClosed()
      .subscribe((queued) => {
        if (queued === undefined) {
          return;
        }
        // Nobody gets it when every connected user muted messages from staff; the API still accepts it.
        const text =
          queued === 0
            ? this.transloco.translate('clients.message.sentToNobody')
            : this.transloco.translate(pluralKey('clients.message.sent', queued, this.language()), { count: queued });
        this.snackBar.open(text, undefined, { duration: 4000 });
      });
  }

  protected async setDisabled(client: ClientDto, user: ClientUserDto, disabled: boolean): Promise<void> {
    if (disabled && !(await this.accounts.confirmDisable(user.displayName))) {
      return;
    }
    this.pending.update((ids) => new Set(ids).add(user.id));
    try {
      const updated = await this.api.invoke(updateClientUser, {
        id: client.id,
        userId: user.id,
        body: { disabled },
      });
      this.client.set(updated);
      const message = disabled ? 'clients.detail.userDisabled' : 'clients.detail.userEnabled';
      this.snackBar.open(this.transloco.translate(message, { name: user.displayName }), undefined, { duration: 4000 });
    } catch (error) {
      this.snackBar.open(
        apiErrorText(error, this.transloco, USER_ERROR_TEXTS),
        this.transloco.translate('common.dismiss'),
        { duration: 10_000 },
      );
    } finally {
      this.pending.update((ids) => {
        const rest = new Set(ids);
        rest.delete(user.id);
        return rest;
      });
    }
  }

  protected async setPassword(client: ClientDto, user: ClientUserDto): Promise<void> {
    await this.accounts.setPassword({
      name: user.displayName,
      errorTexts: USER_ERROR_TEXTS,
      submit: (password) =>
        this.api.invoke(setClientUserPassword, { id: client.id, userId: user.id, body: { password } }),
    });
  }

  protected async resetLink(client: ClientDto, user: ClientUserDto): Promise<void> {
    await this.accounts.resetLink({
      name: user.displayName,
      errorTexts: USER_ERROR_TEXTS,
      create: () => this.api.invoke(createClientUserResetLink, { id: client.id, userId: user.id }),
    });
  }

  /** The API answers a change with the whole client, so the page shows it without asking again. */
  private show(updated: ClientDto | undefined, message: string): void {
    if (!updated) {
      return;
    }
    this.client.set(updated);
    this.snackBar.open(this.transloco.translate(message), undefined, { duration: 4000 });
  }
}
