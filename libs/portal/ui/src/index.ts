export { ConfirmDialog, confirmAction, type ConfirmDialogData } from './lib/confirm-dialog/confirm-dialog';
export { FormDialog } from './lib/form-dialog/form-dialog';
export { DEFAULT_PAGE_SIZE, ListQuery, PAGE_SIZE_OPTIONS, SEARCH_DEBOUNCE_MS } from './lib/list/list-query';
export {
  listResource,
  type ListPage,
  type ListRequest,
  type ListResource,
  type ListResourceOptions,
  type ListView,
} from './lib/list/list-resource';
export { ListEmpty, ListFrame, ListItems, type ListSearchTexts } from './lib/list/list-frame';
export { EmailField } from './lib/person-fields/email-field';
export type { FieldTexts } from './lib/person-fields/field-texts';
export { PasswordField } from './lib/person-fields/password-field';
export { PersonFields, type PersonControls } from './lib/person-fields/person-fields';
