import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { HttpErrorDto } from '@deskgram/api/common';
import type { AuthenticatedUser } from './authenticated-user';
import type { Role } from '@deskgram/shared/contract';

export const IS_PUBLIC = 'deskgram:public';

/** Open to anyone, signed in or not. Everything else needs a valid access token. */
export const Public = () => SetMetadata(IS_PUBLIC, true);

const RolesMetadata = Reflector.createDecorator<Role[]>();

/** Only these roles may call the handler (others get 403); also documents the bearer token in OpenAPI. */
export const Roles = (...roles: Role[]) =>
  applyDecorators(
    RolesMetadata(roles),
    ApiBearerAuth(),
    ApiForbiddenResponse({ type: HttpErrorDto, description: `Only for ${roles.join(', ')}` }),
  );
Roles.metadata = RolesMetadata;

/** Any signed-in user; documents the bearer token. */
export const SignedIn = () =>
  applyDecorators(ApiBearerAuth(), ApiUnauthorizedResponse({ type: HttpErrorDto, description: 'Not signed in' }));

/** The signed-in user, as the guard loaded it. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, context: ExecutionContext): AuthenticatedUser =>
    context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user,
);
