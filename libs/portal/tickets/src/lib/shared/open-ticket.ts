import { type HttpClient } from '@angular/common/http';
import {
  type CreateTicketDto,
  createTicket$FormData,
  createTicket$Json,
  type DeskgramApi,
  type TicketDetailDto,
} from '@deskgram/api-client';
import { uploadWithProgress } from './attachments/upload';

/**
 * Opens a ticket: as JSON without files, else as a form with the files, reporting the part sent (0 to 1) to
 * `progress`. An empty body is left out of the form, which the API allows with files.
 */
export function openTicket(
  api: DeskgramApi,
  http: HttpClient,
  ticket: CreateTicketDto,
  files: readonly File[],
  progress: (sent: number) => void,
): Promise<TicketDetailDto> {
  if (files.length === 0) {
    return api.invoke(createTicket$Json, { body: ticket });
  }
  const { body, ...rest } = ticket;
  return uploadWithProgress(
    http,
    api.rootUrl,
    createTicket$FormData,
    { body: { ...rest, ...(body ? { body } : {}), files: [...files] } },
    progress,
  );
}
