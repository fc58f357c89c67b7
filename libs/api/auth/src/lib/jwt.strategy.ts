import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import type { AuthenticatedUser } from './authenticated-user';
import type { AccessTokenPayload } from './tokens.service';
import { UsersService } from './users.service';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

@Injectable()
export class JwtStrategy extends PassportStrategy(Strategy, 'jwt') {
  constructor(
    @Inject(AUTH_OPTIONS) options: AuthModuleOptions,
    private readonly users: UsersService,
  ) {
    super({
      jwtFromRequest: ExtractJwt.fromAuthHeaderAsBearerToken(),
      secretOrKey: options.jwtSecret,
      algorithms: ['HS256'],
      ignoreExpiration: false,
    });
  }

  /**
   * The token is valid; the user must still exist and be enabled, and its sign-in must not have ended (signed out,
   * password changed, disabled, past its lifetime). `null` makes the request a 401.
   */
  async validate(payload: AccessTokenPayload): Promise<AuthenticatedUser | null> {
    // Tokens from before sign-ins were named carry no session: refused, the portal refreshes and gets one.
    if (typeof payload.sid !== 'string' || !UUID.test(payload.sid)) return null;
    const user = await this.users.findSignedIn(payload.sub, payload.sid);
    return user && { ...user, sessionId: payload.sid };
  }
}
