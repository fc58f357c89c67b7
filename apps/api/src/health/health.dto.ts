import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class HealthIndicatorDto {
  @ApiProperty({ enum: ['up', 'down'], enumName: 'HealthIndicatorStatus' })
  status!: 'up' | 'down';

  @ApiPropertyOptional({ description: 'What is wrong, when the indicator is down' })
  message?: string;

  @ApiPropertyOptional({ description: 'Telegram only: whether a bot token is configured' })
  configured?: boolean;
}

export class HealthInfoDto {
  @ApiPropertyOptional({ type: HealthIndicatorDto })
  database?: HealthIndicatorDto;

  @ApiPropertyOptional({ type: HealthIndicatorDto })
  telegram?: HealthIndicatorDto;
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
