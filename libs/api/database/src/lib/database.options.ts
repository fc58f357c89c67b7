import type { MixedList } from 'typeorm';

export interface DatabaseModuleOptions {
  /** `postgres://user:pass@host:port/db`; unset starts the embedded PostgreSQL under `embeddedDataDir`. */
  url?: string;
  /** Where the embedded cluster lives, e.g. `.data/postgres`. */
  embeddedDataDir: string;
  /** Log every SQL statement at debug level, never with its parameters (development aid). */
  logQueries?: boolean;
}

/** What `DatabaseModule.forRoot` takes: the options and the entities of every feature. */
export interface DatabaseModuleRootOptions extends DatabaseModuleOptions {
  /** Entity classes of every feature, listed by the composition root. */
  entities: MixedList<string | (new () => unknown)>;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
