import { BreakpointObserver } from '@angular/cdk/layout';
import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatChip, MatChipSet } from '@angular/material/chips';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatSnackBar } from '@angular/material/snack-bar';
import {
  MatCell,
  MatCellDef,
  MatColumnDef,
  MatHeaderCell,
  MatHeaderCellDef,
  MatHeaderRow,
  MatHeaderRowDef,
  MatRow,
  MatRowDef,
  MatTable,
} from '@angular/material/table';
import {
  createUserResetLink,
  DeskgramApi,
  listUsers,
  setUserPassword,
  type StaffRole,
  type StaffUserDto,
  type UpdateStaffUserDto,
  updateUser,
} from '@deskgram/api-client';
import { AccountDialogs } from '@deskgram/portal/accounts';
import { AuthStore } from '@deskgram/portal/auth';
import { apiErrorText, LanguageStore, RelativeTimePipe } from '@deskgram/portal/core';
import { confirmAction, ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { STAFF_ERROR_TEXTS } from '../staff-form';
import { StaffUserActions } from '../staff-user-actions/staff-user-actions';
import { StaffUserDialog } from '../staff-user-dialog/staff-user-dialog';

/** Below this width the table's columns no longer fit, and each account becomes a stacked list item. */
export const COMPACT_LAYOUT = '(max-width: 839.98px)';

/** `/staff/users`: the staff accounts, for administrators; new accounts, roles, and who may sign in. */
@Component({
  selector: 'dg-staff-user-list',
  imports: [
    ListEmpty,
    ListFrame,
    ListItems,
    DatePipe,
    MatButton,
    MatCell,
    MatCellDef,
    MatChip,
    MatChipSet,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatRow,
    MatRowDef,
    MatTable,
    RelativeTimePipe,
    StaffUserActions,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './staff-user-list.html',
  styleUrl: './staff-user-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUserList {
  private readonly api = inject(DeskgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly accounts = inject(AccountDialogs);
  /** The administrator looking at the list; their own password is changed on the profile. */
  protected readonly me = inject(AuthStore).user;

  protected readonly language = inject(LanguageStore).language;
  protected readonly columns = ['name', 'email', 'role', 'status', 'lastSignIn', 'actions'];
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  /** Accounts with a change on its way; their menus wait for the answer. */
  protected readonly pending = signal<ReadonlySet<string>>(new Set());

  protected readonly users = listResource({
    loader: ({ search, page, pageSize }) => this.api.invoke(listUsers, { search: search || undefined, page, pageSize }),
  });

  protected openNewUser(): void {
    this.dialog
      .open<StaffUserDialog, undefined, StaffUserDto>(StaffUserDialog, {
        width: '560px',
        maxWidth: 'calc(100vw - 32px)',
      })
      .afterClosed()
      .subscribe((user) => {
        if (!user) {
          return;
        }
        this.say(this.transloco.translate('staffUsers.created', { name: user.displayName }));
        this.users.reload();
      });
  }

  protected changeRole(user: StaffUserDto, role: StaffRole): Promise<void> {
    return this.update(user, { role }, `staffUsers.roleChanged.${role}`, { name: user.displayName });
  }

  protected async changeDisabled(user: StaffUserDto, disabled: boolean): Promise<void> {
    if (disabled && !(await this.confirmDisable(user))) {
      return;
    }
    const message = disabled ? 'staffUsers.disabledDone' : 'staffUsers.enabledDone';
    return this.update(user, { disabled }, message, { name: user.displayName });
  }

  protected async setPassword(user: StaffUserDto): Promise<void> {
    await this.accounts.setPassword({
      name: user.displayName,
      errorTexts: STAFF_ERROR_TEXTS,
      submit: (password) => this.api.invoke(setUserPassword, { id: user.id, body: { password } }),
    });
  }

  protected async resetLink(user: StaffUserDto): Promise<void> {
    await this.accounts.resetLink({
      name: user.displayName,
      errorTexts: STAFF_ERROR_TEXTS,
      create: () => this.api.invoke(createUserResetLink, { id: user.id }),
    });
  }

  private async confirmDisable(user: StaffUserDto): Promise<boolean> {
    const t = (key: string) => this.transloco.translate(`staffUsers.confirmDisable.${key}`, { name: user.displayName });
    return confirmAction(this.dialog, {
      title: t('title'),
      message: t('message'),
      confirm: t('confirm'),
      destructive: true,
    });
  }

  private async update(
    user: StaffUserDto,
    body: UpdateStaffUserDto,
    message: string,
    params: Record<string, string>,
  ): Promise<void> {
    this.pending.update((ids) => new Set(ids).add(user.id));
    try {
      const updated = await this.api.invoke(updateUser, { id: user.id, body });
      // The API answers with the account as it is now: the row changes in place, without reloading the page.
      this.users.resource.update(
        (list) => list && { ...list, items: list.items.map((item) => (item.id === updated.id ? updated : item)) },
      );
      this.say(this.transloco.translate(message, params));
    } catch (error) {
      this.say(apiErrorText(error, this.transloco, STAFF_ERROR_TEXTS), true);
    } finally {
      this.pending.update((ids) => {
        const rest = new Set(ids);
        rest.delete(user.id);
        return rest;
      });
    }
  }

  /** A refusal stays longer, with a button to dismiss it: the person has to read why nothing changed. */
  private say(message: string, refusal = false): void {
    this.snackBar.open(
      message,
      refusal ? this.transloco.translate('common.dismiss') : undefined,
      refusal ? { duration: 10_000 } : { duration: 4000 },
    );
  }
}
