import { ApiProperty } from '@nestjs/swagger';

import { TELEGRAM_CONNECTION_STATES, type TelegramConnectionState } from '@deskgram/shared/contract';

/** A one-time link to the bot, and the same link as a QR code to scan from the screen. */
export class TelegramLinkDto {
  @ApiProperty({ example: 'https://t.me/deskgram_bot?start=Qm9vayBvZiBUaGUgTGlua3M' })
  url!: string;

  @ApiProperty({ description: 'The QR code of `url`, as a PNG data URL', example: 'data:image/png;base64,iVBORw0...' })
  qrCode!: string;

  @ApiProperty({ format: 'date-time', description: 'After this the link no longer works (15 minutes)' })
  expiresAt!: string;
}

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

/** The signed-in user's own Telegram state, for the Telegram card. */
export class TelegramStatusDto extends TelegramStateDto {
  @ApiProperty({ description: 'False when the server has no bot: the card says Telegram is not set up' })
  botConfigured!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The first name in Telegram' })
  firstName!: string | null;
}
