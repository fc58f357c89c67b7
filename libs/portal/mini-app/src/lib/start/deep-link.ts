import { type Area } from '@deskgram/portal/auth';
import { type DeskgramApi, listTickets } from '@deskgram/api-client';
import { type DeepLink } from '../launch';

/**
 * The page a start parameter opens for a person of `area`: a ticket by id, or by number through the tickets list's
 * search (which finds `T-1042` exactly). A ticket that cannot be found, or a failed search, opens the area instead;
 * the ticket page itself says "not found" for an id that is not the person's.
 */
export async function deepLinkTarget(api: DeskgramApi, area: Area, link: DeepLink | null): Promise<string> {
  if (link === null) {
    return area;
  }
  if (link.kind === 'ticket') {
    return `${area}/tickets/${link.id}`;
  }
  try {
    const page = await api.invoke(listTickets, { search: link.number, page: 1, pageSize: 5 });
    const ticket = page.items.find((item) => item.number.toUpperCase() === link.number);
    return ticket ? `${area}/tickets/${ticket.id}` : area;
  } catch {
    return area;
  }
}
