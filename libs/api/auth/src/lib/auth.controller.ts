import { Body, Controller, Get, HttpCode, HttpStatus, Ip, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiServiceUnavailableResponse,
  ApiTags,
  ApiTooManyRequestsResponse,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { HttpErrorDto } from '@deskgram/api/common';
import { AuthService } from './auth.service';
import { PasswordResetsService } from './password-resets.service';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser, Public, SignedIn } from './decorators';
import {
  ChangePasswordDto,
  RefreshTokenDto,
  ResetPasswordDto,
  SessionDto,
  SignInDto,
  TelegramSignInDto,
  UserDto,
} from './dto/auth.dto';
import { toUserDto } from './auth.mapper';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Public()
  @Post('login')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto })
  @ApiUnauthorizedResponse({ type: HttpErrorDto, description: 'Wrong e-mail or password, or a disabled account' })
  @ApiTooManyRequestsResponse({ type: HttpErrorDto, description: '10 failures in a minute for the e-mail or address' })
  async login(@Body() body: SignInDto, @Ip() address: string): Promise<SessionDto> {
    const session = await this.auth.signIn(body.email, body.password, address);
    return { ...session, user: toUserDto(session.user) };
  }

  @Public()
  @Post('telegram')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'Signed in as the portal user the Telegram user is connected to' })
  @ApiBadRequestResponse({
    type: HttpErrorDto,
    description: 'Invalid input, or `auth.telegram_malformed`: no hash, no user, or not init data at all',
  })
  @ApiUnauthorizedResponse({
    type: HttpErrorDto,
    description:
      '`auth.telegram_invalid` (not signed by this bot, or dated ahead), `auth.telegram_expired`, `auth.telegram_not_linked`',
  })
  @ApiTooManyRequestsResponse({
    type: HttpErrorDto,
    description: '10 failures in a minute for the Telegram user or address',
  })
  @ApiServiceUnavailableResponse({ type: HttpErrorDto, description: '`telegram.not_configured`: no bot token' })
  async signInWithTelegram(@Body() body: TelegramSignInDto, @Ip() address: string): Promise<SessionDto> {
    const session = await this.auth.signInWithTelegram(body.initData, address);
    return { ...session, user: toUserDto(session.user) };
  }

  @Public()
  @Post('refresh')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'A new pair; the refresh token sent is spent' })
  @ApiUnauthorizedResponse({ type: HttpErrorDto, description: 'Unknown, expired or reused refresh token' })
  async refresh(@Body() body: RefreshTokenDto): Promise<SessionDto> {
    const session = await this.auth.refresh(body.refreshToken);
    return { ...session, user: toUserDto(session.user) };
  }

  @SignedIn()
  @Post('logout')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The sign-in this refresh token belongs to has ended' })
  async logout(@CurrentUser() user: AuthenticatedUser, @Body() body: RefreshTokenDto): Promise<void> {
    await this.auth.signOut(user, body.refreshToken);
  }

  @SignedIn()
  @Post('password')
  @HttpCode(HttpStatus.OK)
  @ApiOkResponse({ type: SessionDto, description: 'A new pair for this sign-in; every other sign-in has ended' })
  @ApiBadRequestResponse({ type: HttpErrorDto, description: 'Invalid input, or `auth.wrong_password`' })
  @ApiTooManyRequestsResponse({ type: HttpErrorDto, description: 'Too many wrong passwords in a minute' })
  async changePassword(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: ChangePasswordDto,
    @Ip() address: string,
  ): Promise<SessionDto> {
    const session = await this.auth.changePassword(user, body.currentPassword, body.newPassword, address);
    return { ...session, user: toUserDto(session.user) };
  }

  @Public()
  @Post('reset-password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The password is set; every sign-in of the user has ended' })
  @ApiBadRequestResponse({
    type: HttpErrorDto,
    description: 'Invalid input, or a link that is unknown (`auth.reset_unknown`), used or expired',
  })
  @ApiTooManyRequestsResponse({ type: HttpErrorDto, description: 'Too many failed attempts from the address' })
  async resetPassword(@Body() body: ResetPasswordDto, @Ip() address: string): Promise<void> {
    await this.resets.resetPassword(body.token, body.password, address);
  }

  @SignedIn()
  @Get('me')
  @ApiOkResponse({ type: UserDto })
  getMe(@CurrentUser() user: AuthenticatedUser): UserDto {
    return toUserDto(user);
  }
}
