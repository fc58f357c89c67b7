export { DEFAULT_LANGUAGE, isLanguage, LANGUAGES, type Language } from './lib/i18n/language';
export { LANGUAGE_STORAGE_KEY, LanguageStore } from './lib/i18n/language-store';
export { TranslocoHttpLoader } from './lib/i18n/transloco-http-loader';
export { apiErrorOf, apiErrorText, errorCodeKey, type ApiError, type ErrorTexts } from './lib/http/api-error';
export { loadPageIcons, providePortalIcons } from './lib/icons/portal-icons';
export { RelativeTimePipe } from './lib/time/relative-time-pipe';
export { PRODUCT_NAME, PortalTitleStrategy } from './lib/title/portal-title-strategy';
export { providePortalCore } from './lib/provide-portal-core';
