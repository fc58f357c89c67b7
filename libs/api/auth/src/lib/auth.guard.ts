import { type ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard as PassportAuthGuard } from '@nestjs/passport';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, Roles } from './decorators';

/**
 * The one global guard: every route needs a valid access token unless marked `@Public()`, and `@Roles(...)`
 * narrows it further. Whether a row belongs to the caller is decided in the services' queries.
 */
@Injectable()
export class AuthGuard extends PassportAuthGuard('jwt') {
  constructor(private readonly reflector: Reflector) {
    super();
  }

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    // Telegram updates reach the bot's handlers through Nest too; who they come from is the link, not a token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    await super.canActivate(context);
    const roles = this.reflector.getAllAndOverride(Roles.metadata, targets);
    const user = context.switchToHttp().getRequest<{ user: AuthenticatedUser }>().user;
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This is only for ${roles.join(' or ')} users`);
    }
    return true;
  }

  override handleRequest<TUser = AuthenticatedUser>(error: unknown, user: TUser | false): TUser {
    if (error || !user) {
      throw new UnauthorizedException('Sign in first: the access token is missing, expired or no longer valid');
    }
    return user;
  }
}
