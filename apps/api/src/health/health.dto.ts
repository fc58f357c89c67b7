import type { DelivererState } from '@deskgram/api/notifications';
import type { BotState } from '@deskgram/api/telegram-bot';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'HealthIndicatorStatus' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'What is wrong, when the indicator is down' })
  message?: string;

  @ApiPropertyOptional({ description: 'Telegram only: whether a bot token is configured' })
  configured?: boolean;

  @ApiPropertyOptional({
    enum: ['polling', 'webhook'],
    enumName: 'TelegramBotMode',
    nullable: true,
    description: 'Telegram only: how updates arrive',
  })
  mode?: 'polling' | 'webhook' | null;

  @ApiPropertyOptional({
    enum: ['not_configured', 'starting', 'polling', 'standby', 'webhook', 'unauthorized', 'conflict', 'unreachable'],
    enumName: 'TelegramBotState',
    description: 'Telegram only: `standby` is a replica waiting to take over polling',
  })
  state?: BotState;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'Telegram only: the bot username' })
  username?: string | null;
}

export class DelivererIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'HealthIndicatorStatus' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'What is wrong, when the deliverer is down' })
  message?: string;

  @ApiProperty({
    enum: ['active', 'standby', 'down', 'off'],
    enumName: 'DelivererState',
    description:
      '`active`: this replica sends notifications; `standby`: another one does; `down`: it cannot reach the ' +
      'database and keeps trying; `off`: no bot is configured',
  })
  state!: DelivererState;

  @ApiProperty({ type: Number, nullable: true, description: 'Deliveries pending or being sent; null when unknown' })
  queueDepth!: number | null;

  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Age in seconds of the oldest delivery that is due and waiting; 0 when none is, null when unknown',
  })
  oldestDueAgeSeconds!: number | null;
}

export class HealthInfoDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto })
  database?: HealthIndicatorDto;

  @ApiPropertyOptional({ type: HealthIndicatorDto })
  telegram?: HealthIndicatorDto;

  @ApiPropertyOptional({ type: DelivererIndicatorDto, description: 'How notifications flow; never makes health 503' })
  deliverer?: DelivererIndicatorDto;
}

export class HealthDto {
  @ApiProperty({ enum: ['ok', 'error', 'shutting_down'], enumName: 'HealthStatus' })
  status!: 'ok' | 'error' | 'shutting_down';

  @ApiProperty({ type: HealthInfoDto, description: 'Indicators that are up' })
  info!: HealthInfoDto;

  @ApiPropertyOptional({ type: HealthInfoDto, description: 'Indicators that are down' })
  error?: HealthInfoDto;

  @ApiProperty({ type: HealthInfoDto, description: 'Every indicator' })
  details!: HealthInfoDto;
}
