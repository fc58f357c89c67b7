import { Body, Controller, Get, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiConflictResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { HttpErrorDto } from '@deskgram/api/common';
import type { AuthenticatedUser } from './authenticated-user';
import { CurrentUser, Roles } from './decorators';
import { toStaffUserDto } from './dto/mappers';
import {
  CreateStaffUserDto,
  StaffUserDto,
  StaffUserListDto,
  StaffUserQueryDto,
  UpdateStaffUserDto,
} from './dto/users.dto';
import { UsersService } from './users.service';

/** Staff accounts. Clients' users are managed through their client (`/api/clients/:id/users`). */
@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

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
    @Param('id', new ParseUUIDPipe({ version: '4' })) id: string,
    @Body() body: UpdateStaffUserDto,
  ): Promise<StaffUserDto> {
    return toStaffUserDto(await this.users.updateStaff(actor, id, body));
  }
}
