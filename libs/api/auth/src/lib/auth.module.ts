import { type DynamicModule, Inject, Module, type OnApplicationBootstrap, type Type } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { TypeOrmModule } from '@nestjs/typeorm';
import { createSecretKey } from 'node:crypto';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AUTH_OPTIONS, type AuthModuleOptions } from './auth.options';
import { AuthService } from './auth.service';
import { PasswordResetTokenEntity } from './password-reset-token.entity';
import { PasswordResetsService } from './password-resets.service';
import { RefreshTokenEntity } from './refresh-token.entity';
import { SignInFailureEntity } from './sign-in-failure.entity';
import { SignedInChangesInterceptor, SignedInUsers } from './signed-in-users';
import { SignInThrottle } from './sign-in-throttle';
import { TokensService } from './tokens.service';
import { UserEntity } from './user.entity';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

export const AUTH_ENTITIES = [UserEntity, RefreshTokenEntity, SignInFailureEntity, PasswordResetTokenEntity];

/** What the auth module takes from the libraries that build on it. */
export interface AuthModuleImports {
  /** A module that exports `TelegramAccounts`: `TelegramLinksModule` (libs/api/telegram-links). */
  telegramAccounts: Type | DynamicModule;
}

@Module({})
export class AuthModule implements OnApplicationBootstrap {
  constructor(
    private readonly users: UsersService,
    @Inject(AUTH_OPTIONS) private readonly options: AuthModuleOptions,
  ) {}

  static forRoot(options: AuthModuleOptions, imports: AuthModuleImports): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      imports: [
        imports.telegramAccounts,
        TypeOrmModule.forFeature(AUTH_ENTITIES),
        // A KeyObject built once: a string secret is parsed as a PEM key (and fails) on every sign and verify.
        JwtModule.register({
          secret: createSecretKey(Buffer.from(options.jwtSecret, 'utf8')),
          signOptions: { algorithm: 'HS256' },
          verifyOptions: { algorithms: ['HS256'] },
        }),
      ],
      controllers: [AuthController, UsersController],
      providers: [
        { provide: AUTH_OPTIONS, useValue: options },
        UsersService,
        TokensService,
        SignInThrottle,
        AuthService,
        PasswordResetsService,
        SignedInUsers,
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_INTERCEPTOR, useClass: SignedInChangesInterceptor },
      ],
      exports: [UsersService, PasswordResetsService, AUTH_OPTIONS],
    };
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.options.admin) await this.users.ensureAdmin(this.options.admin.email, this.options.admin.password);
  }
}
