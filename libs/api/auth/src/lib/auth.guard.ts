import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { AuthenticatedUser } from './authenticated-user';
import { IS_PUBLIC, Roles } from './decorators';
import type { AccessTokenPayload } from './tokens.service';
import { UsersService } from './users.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** `Authorization: <scheme> <token>`, read as passport-jwt's `fromAuthHeaderAsBearerToken` reads it. */
const AUTH_HEADER = /(\S+)\s+(\S+)/;

interface GuardedRequest {
  headers: { authorization?: string };
  user?: AuthenticatedUser;
}

/**
 * The one global guard: every route needs a valid access token unless marked `@Public()`, and `@Roles(...)`
 * narrows it further. Whether a row belongs to the caller is decided in the services' queries.
 *
 * The token is verified here, on every request, with the key built once (`JwtModule` gets a `KeyObject`): given the
 * secret as a string, jsonwebtoken first tries to parse it as a PEM public key on every verification, which cost
 * more than all the rest of a signed-in request. There is no passport around it for the same reason.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly users: UsersService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    // Telegram updates reach the bot's handlers through Nest too; who they come from is the link, not a token.
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const user = await this.authenticate(request.headers.authorization);
    if (!user) {
      throw new UnauthorizedException('Sign in first: the access token is missing, expired or no longer valid');
    }
    request.user = user;
    const roles = this.reflector.getAllAndOverride(Roles.metadata, targets);
    if (roles && !roles.includes(user.role)) {
      throw new ForbiddenException(`This is only for ${roles.join(' or ')} users`);
    }
    return true;
  }

  /**
   * The caller of a valid, unexpired access token, if the user still exists and is enabled and its sign-in has not
   * ended (signed out, password changed, disabled, past its lifetime); null otherwise.
   */
  private async authenticate(header: string | undefined): Promise<AuthenticatedUser | null> {
    const parts = typeof header === 'string' ? AUTH_HEADER.exec(header) : null;
    if (!parts || parts[1].toLowerCase() !== 'bearer') return null;
    let payload: Partial<AccessTokenPayload>;
    try {
      payload = this.jwt.verify<AccessTokenPayload>(parts[2]);
    } catch {
      return null;
    }
    // Tokens from before sign-ins were named carry no session: refused, the portal refreshes and gets one.
    if (typeof payload !== 'object' || payload === null) return null;
    if (typeof payload.sub !== 'string' || !UUID.test(payload.sub)) return null;
    if (typeof payload.sid !== 'string' || !UUID.test(payload.sid)) return null;
    const user = await this.users.findSignedIn(payload.sub, payload.sid);
    return user && { ...user, sessionId: payload.sid };
  }
}
