import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@deskgram/api/auth';
import { TelegramBotRunner } from '@deskgram/api/telegram-link';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { HealthDto, type HealthIndicatorDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly telegram: TelegramBotRunner,
  ) {}

  /**
   * 503 only when the database is down. A Telegram problem (a rejected token, a second poller) is named under
   * `telegram` but leaves the status `ok`: the helpdesk works without the bot, and a restart would not fix it.
   */
  @Public()
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({ type: HealthDto, description: 'The database is up; `info.telegram` says how the bot is' })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is down' })
  async getHealth(): Promise<HealthDto> {
    const result = (await this.health.check([
      () => this.database.pingCheck('database', { timeout: 2000 }),
    ])) as HealthDto;
    const bot = this.telegram.status;
    const telegram: HealthIndicatorDto = {
      status: bot.healthy ? 'up' : 'down',
      configured: bot.configured,
      mode: bot.mode,
      state: bot.state,
      username: bot.username,
      ...(bot.message ? { message: bot.message } : {}),
    };
    return { ...result, info: { ...result.info, telegram }, details: { ...result.details, telegram } };
  }
}
