import { ApiProperty } from '@nestjs/swagger';

import { TelegramStateDto } from '@deskgram/api/telegram-links';

/** A one-time link to the bot, and the same link as a QR code to scan from the screen. */
export class TelegramLinkDto {
  @ApiProperty({ example: 'https://t.me/deskgram_bot?start=Qm9vayBvZiBUaGUgTGlua3M' })
  url!: string;

  @ApiProperty({ description: 'The QR code of `url`, as a PNG data URL', example: 'data:image/png;base64,iVBORw0...' })
  qrCode!: string;

  @ApiProperty({ format: 'date-time', description: 'After this the link no longer works (15 minutes)' })
  expiresAt!: string;
}

/** The signed-in user's own Telegram state, for the Telegram card. */
export class TelegramStatusDto extends TelegramStateDto {
  @ApiProperty({ description: 'False when the server has no bot: the card says Telegram is not set up' })
  botConfigured!: boolean;

  @ApiProperty({ type: String, nullable: true, description: 'The first name in Telegram' })
  firstName!: string | null;
}
