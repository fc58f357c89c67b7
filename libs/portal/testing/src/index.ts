export {
  apiError,
  click,
  expectRequest,
  nextMacrotask,
  providePortalForTests,
  settle,
  statusText,
  textOf,
  type,
  until,
} from './lib/portal-testing';
