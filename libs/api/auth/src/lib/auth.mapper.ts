import type { AuthenticatedUser } from './authenticated-user';
import type { UserEntity } from './user.entity';
import type { UserDto } from './dto/auth.dto';
import type { StaffUserDto } from './dto/users.dto';

export function toUserDto(user: AuthenticatedUser | UserEntity): UserDto {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    role: user.role,
    clientId: user.clientId,
  };
}

export function toStaffUserDto(user: UserEntity): StaffUserDto {
  return {
    ...toUserDto(user),
    disabled: user.disabledAt !== null,
    lastSignInAt: user.lastSignInAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
