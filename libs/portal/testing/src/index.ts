export {
  apiError,
  click,
  nextMacrotask,
  providePortalForTests,
  settle,
  statusText,
  textOf,
  type,
} from './lib/portal-testing';
