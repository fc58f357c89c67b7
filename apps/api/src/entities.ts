/** Every entity of every feature library; the composition root hands them to TypeORM and to the migration CLI. */
export const ENTITIES: Array<new () => unknown> = [];
