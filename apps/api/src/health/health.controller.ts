import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@deskgram/api/auth';
import { Deliverer } from '@deskgram/api/notifications';
import { TelegramBotRunner } from '@deskgram/api/telegram-bot';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { type DelivererIndicatorDto, HealthDto, type HealthIndicatorDto } from './health.dto';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly telegram: TelegramBotRunner,
    private readonly deliverer: Deliverer,
  ) {}

  /**
   * 503 only when the database is down. A Telegram problem (a rejected token, a second poller) is named under
   * `telegram`, and the deliverer's state and queue under `deliverer`, but they leave the status `ok`: the helpdesk
   * works without the bot, and a restart would not fix it.
   */
  @Public()
  @Get()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOkResponse({
    type: HealthDto,
    description: 'The database is up; `info.telegram` says how the bot is, `info.deliverer` how notifications flow',
  })
  @ApiServiceUnavailableResponse({ type: HealthDto, description: 'The database is down' })
  async getHealth(): Promise<HealthDto> {
    const [checked, deliverer] = await Promise.all([
      this.health
        .check([() => this.database.pingCheck('database', { timeout: 2000 })])
        .then((result) => ({ result: result as HealthDto, up: true }))
        .catch((error: unknown) => {
          if (!(error instanceof ServiceUnavailableException)) throw error;
          return { result: error.getResponse() as HealthDto, up: false };
        }),
      this.delivererIndicator(),
    ]);
    const { result, up } = checked;
    const telegram = this.telegramIndicator();
    // Like the bot, the deliverer is always under `info`: its trouble is named there, and never makes health 503.
    const body: HealthDto = {
      ...result,
      info: { ...result.info, telegram, deliverer },
      details: { ...result.details, telegram, deliverer },
    };
    if (!up) throw new ServiceUnavailableException(body);
    return body;
  }

  private telegramIndicator(): HealthIndicatorDto {
    const bot = this.telegram.status;
    return {
      status: bot.healthy ? 'up' : 'down',
      configured: bot.configured,
      mode: bot.mode,
      state: bot.state,
      username: bot.username,
      ...(bot.message ? { message: bot.message } : {}),
    };
  }

  private async delivererIndicator(): Promise<DelivererIndicatorDto> {
    const state = this.deliverer.state;
    const stats = await this.deliverer.queueStats().catch(() => undefined);
    return {
      status: state === 'down' ? 'down' : 'up',
      state,
      queueDepth: stats?.queueDepth ?? null,
      oldestDueAgeSeconds: stats?.oldestDueAgeSeconds ?? null,
      ...(state === 'down' ? { message: 'The deliverer cannot reach the database; it keeps trying' } : {}),
    };
  }
}
