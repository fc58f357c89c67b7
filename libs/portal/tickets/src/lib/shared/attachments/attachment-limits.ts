import { computed, inject, Injectable, resource } from '@angular/core';
import { DeskgramApi, getAttachmentLimits } from '@deskgram/api-client';
import { MAX_FILE_BYTES, MAX_FILES } from './files';

/**
 * What one message may carry on this server (`GET /api/attachments/limits`, set by `MAX_ATTACHMENT_MB`), asked once
 * per session; the defaults stand in until the answer comes, or if it does not. The API checks the limits again.
 */
@Injectable({ providedIn: 'root' })
export class AttachmentLimits {
  private readonly api = inject(DeskgramApi);
  private readonly limits = resource({ loader: () => this.api.invoke(getAttachmentLimits) });

  readonly maxFiles = computed(() => (this.limits.hasValue() ? this.limits.value().maxFiles : MAX_FILES));
  readonly maxFileBytes = computed(() => (this.limits.hasValue() ? this.limits.value().maxFileBytes : MAX_FILE_BYTES));
}
