import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiAcceptedResponse, ApiConflictResponse, ApiNotFoundResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type AuthenticatedUser, CurrentUser, Roles, SignedIn } from '@deskgram/api/auth';
import { HttpErrorDto, IdParam } from '@deskgram/api/common';
import {
  DeliveryDto,
  DeliveryListDto,
  DeliveryQueryDto,
  PreferencesDto,
  SendMessageDto,
  SendMessageResultDto,
  UpdatePreferencesDto,
} from './dto/notifications.dto';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @SignedIn()
  @Get('preferences')
  @ApiOkResponse({ type: PreferencesDto })
  async getPreferences(@CurrentUser() user: AuthenticatedUser): Promise<PreferencesDto> {
    return { items: await this.notifications.preferences(user) };
  }

  @SignedIn()
  @Put('preferences')
  @ApiOkResponse({ type: PreferencesDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'A kind that never reaches this role' })
  async updatePreferences(
    @CurrentUser() user: AuthenticatedUser,
    @Body() body: UpdatePreferencesDto,
  ): Promise<PreferencesDto> {
    return { items: await this.notifications.updatePreferences(user, body.items) };
  }

  @Roles('admin', 'agent')
  @Get('deliveries')
  @ApiOkResponse({ type: DeliveryListDto })
  listDeliveries(@Query() query: DeliveryQueryDto): Promise<DeliveryListDto> {
    return this.notifications.deliveries(query);
  }

  @Roles('admin', 'agent')
  @Post('deliveries/:id/retry')
  @HttpCode(200)
  @ApiOkResponse({ type: DeliveryDto, description: 'The delivery, queued again' })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'Not failed, or the recipient has no connected Telegram' })
  retryDelivery(@IdParam() id: string): Promise<DeliveryDto> {
    return this.notifications.retry(id);
  }
}

/** The original integration's route for staff writing to a client's Telegram, kept as it was. */
@ApiTags('telegram')
@Controller('telegram/client')
export class TelegramMessagesController {
  constructor(private readonly notifications: NotificationsService) {}

  @Roles('admin', 'agent')
  @Post(':clientId/send-message')
  @HttpCode(202)
  @ApiAcceptedResponse({ type: SendMessageResultDto })
  @ApiNotFoundResponse({ type: HttpErrorDto })
  @ApiConflictResponse({ type: HttpErrorDto, description: 'None of the client’s users has connected Telegram' })
  async sendClientMessage(
    @CurrentUser() user: AuthenticatedUser,
    @IdParam('clientId') clientId: string,
    @Body() body: SendMessageDto,
  ): Promise<SendMessageResultDto> {
    return { queued: await this.notifications.sendToClient(user, clientId, body.message) };
  }
}
