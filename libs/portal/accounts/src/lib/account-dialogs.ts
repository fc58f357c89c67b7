import { inject, Injectable } from '@angular/core';
import { MatDialog } from '@angular/material/dialog';
import { confirmAction } from '@deskgram/portal/ui';
import { TranslocoService } from '@jsverse/transloco';
import { firstValueFrom } from 'rxjs';
import { ResetLinkDialog, type ResetLinkDialogData } from './reset-link-dialog/reset-link-dialog';
import { SetPasswordDialog, type SetPasswordDialogData } from './set-password-dialog/set-password-dialog';

const DIALOG_SIZE = { width: '520px', maxWidth: 'calc(100vw - 32px)' } as const;

/**
 * The dialogs with which staff look after someone's access (a client's portal user, or a staff account): asking
 * before disabling, a new password, a reset link. One place, so both pages say and do the same.
 */
@Injectable({ providedIn: 'root' })
export class AccountDialogs {
  private readonly dialog = inject(MatDialog);
  private readonly transloco = inject(TranslocoService);

  /** Whether the person confirmed disabling `name`, which signs them out everywhere. */
  async confirmDisable(name: string): Promise<boolean> {
    const t = (key: string) => this.transloco.translate(`accounts.confirmDisable.${key}`, { name });
    return confirmAction(this.dialog, {
      title: t('title'),
      message: t('message'),
      confirm: t('confirm'),
      destructive: true,
    });
  }

  /** Resolves `true` once a new password was set. */
  async setPassword(data: SetPasswordDialogData): Promise<boolean> {
    const done = await firstValueFrom(
      this.dialog
        .open<SetPasswordDialog, SetPasswordDialogData, boolean>(SetPasswordDialog, { ...DIALOG_SIZE, data })
        .afterClosed(),
    );
    return done === true;
  }

  async resetLink(data: ResetLinkDialogData): Promise<void> {
    await firstValueFrom(
      this.dialog.open<ResetLinkDialog, ResetLinkDialogData>(ResetLinkDialog, { ...DIALOG_SIZE, data }).afterClosed(),
    );
  }
}
