import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatIcon } from '@angular/material/icon';
import { MatListItem, MatListItemLine, MatListItemMeta, MatListItemTitle, MatNavList } from '@angular/material/list';
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
import { ActivatedRoute, Router, RouterLink } from '@angular/router';
import { type ClientDto, DeskgramApi, listClients } from '@deskgram/api-client';
import { ListEmpty, ListFrame, ListItems, ListQuery, listResource } from '@deskgram/portal/ui';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { ClientDialog, type ClientDialogData } from '../client-dialog/client-dialog';

/** Below this width the table's five columns no longer fit, and each client becomes a list item. */
export const COMPACT_LAYOUT = '(max-width: 719.98px)';

/** `/staff/clients`: every client, searchable and paged through the address; "New client" opens the dialog. */
@Component({
  selector: 'dg-client-list',
  imports: [
    ListEmpty,
    ListFrame,
    ListItems,
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatListItem,
    MatListItemLine,
    MatListItemMeta,
    MatListItemTitle,
    MatNavList,
    MatRow,
    MatRowDef,
    MatTable,
    RouterLink,
    TranslocoDirective,
  ],
  providers: [ListQuery],
  templateUrl: './client-list.html',
  styleUrl: './client-list.scss',
  changeDetection: ChangeDetectionStrategy.OnPush,
})
export class ClientList {
  private readonly api = inject(DeskgramApi);
  private readonly dialog = inject(MatDialog);
  private readonly snackBar = inject(MatSnackBar);
  private readonly transloco = inject(TranslocoService);
  private readonly router = inject(Router);
  private readonly route = inject(ActivatedRoute);

  protected readonly columns = ['name', 'company', 'email', 'phone', 'users'];
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly clients = listResource({
    loader: ({ search, page, pageSize }) =>
      this.api.invoke(listClients, { search: search || undefined, page, pageSize }),
  });

  protected openNewClient(): void {
    const dialog = this.dialog.open<ClientDialog, ClientDialogData, ClientDto>(ClientDialog, {
      data: {},
      width: '560px',
      maxWidth: 'calc(100vw - 32px)',
    });
    dialog.afterClosed().subscribe((client) => {
      if (!client) {
        return;
      }
      this.snackBar.open(this.transloco.translate('clients.list.created'), undefined, { duration: 4000 });
      void this.router.navigate([client.id], { relativeTo: this.route });
    });
  }
}
