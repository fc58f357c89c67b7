export const NOTIFICATIONS_OPTIONS = Symbol('NOTIFICATIONS_OPTIONS');

export interface NotificationsOptions {
  /** The portal's address, for links in messages. */
  publicUrl: string;
}
