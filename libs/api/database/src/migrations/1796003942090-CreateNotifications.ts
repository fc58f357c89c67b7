import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Durable notification deliveries (one row per recipient, in order per chat) and per-user muted kinds. */

export class CreateNotifications1796003942090 implements MigrationInterface {
  name = 'CreateNotifications1796003942090';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."notification_kind" AS ENUM(
                'ticket_created',
                'ticket_reply',
                'ticket_status',
                'ticket_assigned',
                'invoice_issued',
                'invoice_overdue',
                'invoice_paid',
                'custom_message'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."delivery_status" AS ENUM(
                'pending',
                'sending',
                'sent',
                'failed',
                'cancelled'
            )
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_deliveries" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" BIGSERIAL NOT NULL,
                "recipient_id" uuid NOT NULL,
                "chat_id" bigint NOT NULL,
                "kind" "public"."notification_kind" NOT NULL,
                "reference" character varying(200) NOT NULL,
                "text" text NOT NULL,
                "status" "public"."delivery_status" NOT NULL DEFAULT 'pending',
                "attempts" integer NOT NULL DEFAULT '0',
                "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "last_error" text,
                "telegram_message_id" bigint,
                "sent_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_81daeff81f237bd384f7cfc4a4c" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_recipient_idx" ON "notification_deliveries" ("recipient_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_created_idx" ON "notification_deliveries" ("created_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_chat_seq_idx" ON "notification_deliveries" ("chat_id", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_due_idx" ON "notification_deliveries" ("status", "next_attempt_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "notification_preferences" (
                "user_id" uuid NOT NULL,
                "muted" text array NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_64c90edc7310c6be7c10c96f675" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries"
            ADD CONSTRAINT "notification_deliveries_recipient_id_fkey" FOREIGN KEY ("recipient_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_preferences"
            ADD CONSTRAINT "notification_preferences_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "notification_preferences" DROP CONSTRAINT "notification_preferences_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "notification_deliveries" DROP CONSTRAINT "notification_deliveries_recipient_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_preferences"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_chat_seq_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_created_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_recipient_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "notification_deliveries"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."delivery_status"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."notification_kind"
        `);
  }
}
