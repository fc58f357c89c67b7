import { Body, Controller, Get, HttpCode, HttpStatus, Patch, Post, Query } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser, Roles } from './decorators';
import { toStaffUserDto } from './auth.mapper';
import {
  CreateStaffUserDto,
  ResetLinkDto,
  SetPasswordDto,
  StaffUserDto,
  StaffUserListDto,
  StaffUserQueryDto,
  UpdateStaffUserDto,
} from './dto/users.dto';
import { PasswordResetsService } from './password-resets.service';
import { UsersService } from './users.service';

/** Staff accounts. Clients' users are managed through their client (`/api/clients/:id/users`). */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(
    private readonly users: UsersService,
    private readonly resets: PasswordResetsService,
  ) {}

  @Roles('admin')
  @Post()
  @ApiCreatedResponse({ type: StaffUserDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'A user with this e-mail exists' })
  async createUser(@Body() body: CreateStaffUserDto): Promise<StaffUserDto> {
    return toStaffUserDto(await this.users.createStaff(body));
  }

  @Roles('admin', 'agent')
  @Get()
  @ApiOkResponse({ type: StaffUserListDto })
  async listUsers(@Query() query: StaffUserQueryDto): Promise<StaffUserListDto> {
    const { items, total } = await this.users.listStaff(query);
    return { items: items.map(toStaffUserDto), total };
  }

  @Roles('admin')
  @Patch(':id')
  @ApiOkResponse({ type: StaffUserDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Disabling yourself or changing your own role' })
  async updateUser(
    @CurrentUser() actor: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: UpdateStaffUserDto,
  ): Promise<StaffUserDto> {
    return toStaffUserDto(await this.users.updateStaff(actor, id, body));
  }

  @Roles('admin')
  @Post(':id/password')
  @HttpCode(HttpStatus.NO_CONTENT)
  @ApiNoContentResponse({ description: 'The password is set; every sign-in of the user has ended' })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Your own password is changed on your profile' })
  async setUserPassword(
    @CurrentUser() actor: AuthenticatedUser,
    @IdParam() id: string,
    @Body() body: SetPasswordDto,
  ): Promise<void> {
    const user = await this.users.findOtherStaff(actor, id);
    await this.users.setPassword(user.id, body.password);
  }

  @Roles('admin')
  @Post(':id/reset-link')
  @ApiCreatedResponse({
    type: ResetLinkDto,
    description: 'A one-time link, valid for 24 hours; older ones stop working',
  })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Your own password is changed on your profile' })
  async createUserResetLink(@CurrentUser() actor: AuthenticatedUser, @IdParam() id: string): Promise<ResetLinkDto> {
    const user = await this.users.findOtherStaff(actor, id);
    const link = await this.resets.createLink(user.id);
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
  }
}
