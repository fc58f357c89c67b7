// What the app imports eagerly: the start-up hook and the lazy routes. Everything else of this library (the service,
// the SDK, the theme, the pages) sits behind dynamic imports, so that the portal in a browser does not download it.
export { loadMiniAppRoutes, provideMiniApp } from './lib/provide-mini-app';
