export { NotFound } from './lib/not-found/not-found';
export { Shell } from './lib/shell/shell';
