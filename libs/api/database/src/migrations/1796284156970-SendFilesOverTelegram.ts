import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files over Telegram: a delivery may carry one file of the ticket message it follows (sent as a photo or a
 * document), and a client's draft of a new ticket keeps the Telegram files sent with it until Open.
 */
export class SendFilesOverTelegram1796284156970 implements MigrationInterface {
  name = 'SendFilesOverTelegram1796284156970';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD "attachment_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts"
            ADD "files" jsonb NOT NULL DEFAULT '[]'
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD CONSTRAINT "notification_deliveries_attachment_id_fkey" FOREIGN KEY ("attachment_id") REFERENCES "ticket_attachments"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_attachment_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts" DROP COLUMN "files"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP COLUMN "attachment_id"
        `);
  }
}
