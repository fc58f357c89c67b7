import { CreateExtensions1764450000000 } from './1764450000000-CreateExtensions';

/** Every migration, in order. Listed by hand so that the bundled API needs no file globbing. */
export const migrations = [CreateExtensions1764450000000];
