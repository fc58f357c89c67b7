import { AUTH_ENTITIES } from '@deskgram/api/auth';
import { CLIENT_ENTITIES } from '@deskgram/api/clients';

/** Every entity of every feature library; the composition root hands them to TypeORM and to the migration CLI. */
export const ENTITIES: Array<new () => unknown> = [...AUTH_ENTITIES, ...CLIENT_ENTITIES];
