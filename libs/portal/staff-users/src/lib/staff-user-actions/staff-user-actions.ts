import { ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { MatIconButton } from '@angular/material/button';
import { MatIcon } from '@angular/material/icon';
import { MatMenu, MatMenuItem, MatMenuTrigger } from '@angular/material/menu';
import { type StaffRole, type StaffUserDto } from '@deskgram/api-client';
import { TranslocoDirective } from '@jsverse/transloco';

/** The menu of one staff account: the other role, a new password or reset link, disabling or enabling it. Asking first is the page's job. */
@Component({
  selector: 'dg-staff-user-actions',
  imports: [MatIcon, MatIconButton, MatMenu, MatMenuItem, MatMenuTrigger, TranslocoDirective],
  templateUrl: './staff-user-actions.html',
  styleUrl: './staff-user-actions.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class StaffUserActions {
  readonly user = input.required<StaffUserDto>();
  /** While a change of this account is on its way, the menu stays shut. */
  readonly busy = input(false);

  /** Whether this is the administrator's own account, whose password is changed on the profile instead. */
  readonly self = input(false);

  readonly roleChange = output<StaffRole>();
  readonly disabledChange = output<boolean>();
  readonly setPassword = output();
  readonly resetLink = output();
}
