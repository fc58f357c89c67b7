export { AccountDialogs } from './lib/account-dialogs';
export { ChangePassword } from './lib/change-password/change-password';
export { ResetPassword } from './lib/reset-password/reset-password';
