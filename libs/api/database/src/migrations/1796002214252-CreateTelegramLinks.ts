import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Telegram links (one per portal user) and the one-time link tokens behind the QR codes, stored hashed. */

export class CreateTelegramLinks1796002214252 implements MigrationInterface {
  name = 'CreateTelegramLinks1796002214252';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "telegram_link_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" bytea NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "used_by_update_id" bigint,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_81cd2af0a51ee9ba6afb7d8707e" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "telegram_link_tokens_token_hash_key" ON "telegram_link_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_link_tokens_user_id_idx" ON "telegram_link_tokens" ("user_id")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."telegram_link_state" AS ENUM('connected', 'blocked')
        `);
    await queryRunner.query(`
            CREATE TABLE "telegram_links" (
                "user_id" uuid NOT NULL,
                "telegram_user_id" bigint NOT NULL,
                "chat_id" bigint NOT NULL,
                "username" character varying(64),
                "first_name" character varying(256) NOT NULL,
                "language" character varying(8) NOT NULL,
                "state" "public"."telegram_link_state" NOT NULL,
                "linked_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4a6112193e0d68ac5bd296bf20c" PRIMARY KEY ("user_id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "telegram_links_telegram_user_id_idx" ON "telegram_links" ("telegram_user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_link_tokens"
            ADD CONSTRAINT "telegram_link_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_links"
            ADD CONSTRAINT "telegram_links_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "telegram_links" DROP CONSTRAINT "telegram_links_user_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "telegram_link_tokens" DROP CONSTRAINT "telegram_link_tokens_user_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_links_telegram_user_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "telegram_links"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."telegram_link_state"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_link_tokens_user_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."telegram_link_tokens_token_hash_key"
        `);
    await queryRunner.query(`
            DROP TABLE "telegram_link_tokens"
        `);
  }
}
