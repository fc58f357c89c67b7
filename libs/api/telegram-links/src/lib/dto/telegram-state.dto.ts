import { ApiProperty } from '@nestjs/swagger';

import { TELEGRAM_CONNECTION_STATES, type TelegramConnectionState } from '@deskgram/shared/contract';

/** A portal user's Telegram state, as staff see it for a client's users. */
export class TelegramStateDto {
  @ApiProperty()
  connected!: boolean;

  @ApiProperty({ enum: TELEGRAM_CONNECTION_STATES, enumName: 'TelegramConnectionState' })
  state!: TelegramConnectionState;

  @ApiProperty({ type: String, nullable: true, description: 'The Telegram @username, without the @' })
  username!: string | null;

  @ApiProperty({ type: String, nullable: true, format: 'date-time' })
  linkedAt!: string | null;
}
