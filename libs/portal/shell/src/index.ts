export { NotFound } from './lib/not-found/not-found';
export { Shell } from './lib/shell/shell';
export { SignedInShell } from './lib/signed-in-shell/signed-in-shell';
