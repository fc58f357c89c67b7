import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Two-way Telegram: which ticket each message the bot sent belongs to (a Reply to it answers that ticket), the
 * updates already handled (a redelivered update changes nothing), and clients' drafts of new tickets; deliveries
 * name their ticket and keep the buttons they are sent with.
 */
export class AddTelegramConversation1796281233252 implements MigrationInterface {
  name = 'AddTelegramConversation1796281233252';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "telegram_ticket_messages" (
                "chat_id" bigint NOT NULL,
                "message_id" bigint NOT NULL,
                "user_id" uuid NOT NULL,
                "ticket_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b521486cd668436baf61ae5858d" PRIMARY KEY ("chat_id", "message_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_ticket_messages_user_id_idx" ON "telegram_ticket_messages" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_ticket_messages_ticket_id_idx" ON "telegram_ticket_messages" ("ticket_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "telegram_ticket_drafts" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "user_id" uuid NOT NULL,
                "text" text NOT NULL,
                "ticket_id" uuid,
                "cancelled_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_b9079798774d17b12b738075034" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_ticket_drafts_user_id_idx" ON "telegram_ticket_drafts" ("user_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_ticket_drafts_created_at_idx" ON "telegram_ticket_drafts" ("created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "telegram_updates" (
                "update_id" bigint NOT NULL,
                "handled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_744cdcbaa31fc014e209dd532d0" PRIMARY KEY ("update_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_updates_handled_at_idx" ON "telegram_updates" ("handled_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD "ticket_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD "reply_markup" jsonb
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_messages"
            ADD CONSTRAINT "telegram_ticket_messages_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_messages"
            ADD CONSTRAINT "telegram_ticket_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts"
            ADD CONSTRAINT "telegram_ticket_drafts_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts"
            ADD CONSTRAINT "telegram_ticket_drafts_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts" DROP CONSTRAINT "telegram_ticket_drafts_ticket_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_drafts" DROP CONSTRAINT "telegram_ticket_drafts_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_messages" DROP CONSTRAINT "telegram_ticket_messages_ticket_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_ticket_messages" DROP CONSTRAINT "telegram_ticket_messages_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP COLUMN "reply_markup"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP COLUMN "ticket_id"
        `);
    await queryRunner.query(`
            DROP TABLE "telegram_updates"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_ticket_drafts_created_at_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_ticket_drafts_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "telegram_ticket_drafts"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_ticket_messages_ticket_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_ticket_messages_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "telegram_ticket_messages"
        `);
  }
}
