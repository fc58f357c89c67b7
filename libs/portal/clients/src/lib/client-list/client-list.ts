import { BreakpointObserver } from '@angular/cdk/layout';
import { ChangeDetectionStrategy, Component, computed, effect, inject, linkedSignal, resource } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { MatButton, MatIconButton } from '@angular/material/button';
import { MatDialog } from '@angular/material/dialog';
import { MatFormField, MatLabel, MatPrefix, MatSuffix } from '@angular/material/form-field';
import { MatIcon } from '@angular/material/icon';
import { MatInput } from '@angular/material/input';
import { MatListItem, MatListItemLine, MatListItemMeta, MatListItemTitle, MatNavList } from '@angular/material/list';
import { MatPaginator, type PageEvent } from '@angular/material/paginator';
import { MatProgressBar } from '@angular/material/progress-bar';
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
import { type ClientDto, type ClientListDto, DeskgramApi, listClients } from '@deskgram/api-client';
import { ListQuery, PAGE_SIZE_OPTIONS } from '@deskgram/portal/core';
import { TranslocoDirective, TranslocoService } from '@jsverse/transloco';
import { map } from 'rxjs';
import { ClientDialog, type ClientDialogData } from '../client-dialog/client-dialog';

/** Below this width the table's five columns no longer fit, and each client becomes a list item. */
export const COMPACT_LAYOUT = '(max-width: 719.98px)';

type View = 'loading' | 'error' | 'empty' | 'list';

/** `/staff/clients`: every client, searchable and paged through the address; "New client" opens the dialog. */
@Component({
  selector: 'dg-client-list',
  imports: [
    MatButton,
    MatCell,
    MatCellDef,
    MatColumnDef,
    MatFormField,
    MatHeaderCell,
    MatHeaderCellDef,
    MatHeaderRow,
    MatHeaderRowDef,
    MatIcon,
    MatIconButton,
    MatInput,
    MatLabel,
    MatListItem,
    MatListItemLine,
    MatListItemMeta,
    MatListItemTitle,
    MatNavList,
    MatPaginator,
    MatPrefix,
    MatProgressBar,
    MatRow,
    MatRowDef,
    MatSuffix,
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

  protected readonly query = inject(ListQuery);
  protected readonly pageSizeOptions = PAGE_SIZE_OPTIONS;
  protected readonly columns = ['name', 'company', 'email', 'phone', 'users'];
  protected readonly compact = toSignal(
    inject(BreakpointObserver)
      .observe(COMPACT_LAYOUT)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );

  protected readonly clients = resource({
    params: () => ({ search: this.query.search(), page: this.query.page(), pageSize: this.query.pageSize() }),
    loader: ({ params }) =>
      this.api.invoke(listClients, {
        search: params.search || undefined,
        page: params.page,
        pageSize: params.pageSize,
      }),
  });

  /**
   * The list on screen. While another search or page loads, the last one stays, dimmed under a progress bar,
   * instead of the page flashing back to the skeleton at every keystroke.
   */
  protected readonly shown = linkedSignal<
    { list: ClientListDto | undefined; loading: boolean },
    ClientListDto | undefined
  >({
    source: () => ({
      list: this.clients.hasValue() ? this.clients.value() : undefined,
      loading: this.clients.isLoading(),
    }),
    computation: ({ list, loading }, previous) => list ?? (loading ? previous?.value : undefined),
  });
  protected readonly items = computed(() => this.shown()?.items ?? []);
  protected readonly total = computed(() => this.shown()?.total ?? 0);
  protected readonly view = computed<View>(() => {
    if (this.clients.status() === 'error') {
      return 'error';
    }
    if (!this.shown()) {
      return 'loading';
    }
    return this.items().length > 0 ? 'list' : 'empty';
  });

  constructor() {
    effect(() => {
      if (this.clients.hasValue()) {
        this.query.keepPageWithin(this.clients.value().total);
      }
    });
  }

  protected changePage(event: PageEvent): void {
    void this.query.setPage(event.pageIndex + 1, event.pageSize);
  }

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
