import type { InjectionToken, ModuleMetadata, OptionalFactoryDependency } from '@nestjs/common';
import type { MixedList } from 'typeorm';

export interface DatabaseModuleOptions {
  /** `postgres://user:pass@host:port/db`; unset starts the embedded PostgreSQL under `embeddedDataDir`. */
  url?: string;
  /** Where the embedded cluster lives, e.g. `.data/postgres`. */
  embeddedDataDir: string;
  /** Log every SQL statement at debug level, never with its parameters (development aid). */
  logQueries?: boolean;
}

export interface DatabaseModuleAsyncOptions extends Pick<ModuleMetadata, 'imports'> {
  // Nest's own async-options contract: the factory's arguments are whatever `inject` names.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  useFactory: (...args: any[]) => DatabaseModuleOptions | Promise<DatabaseModuleOptions>;
  inject?: Array<InjectionToken | OptionalFactoryDependency>;
  /** Entity classes of every feature, listed by the composition root. */
  entities: MixedList<string | (new () => unknown)>;
}

export const DATABASE_OPTIONS = Symbol('DATABASE_OPTIONS');
