// What the Telegram card needs only once the person copies a link or disconnects: the snack bar and the confirm
// dialog, with the overlay under them. One module, loaded then, so that the client's dashboard does without.
export { MatDialog } from '@angular/material/dialog';
export { MatSnackBar } from '@angular/material/snack-bar';
export { confirmAction } from '@deskgram/portal/ui';
