import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts: one-time password reset links (stored as their SHA-256), and when each sign-in began, so that it lasts
 * at most SESSION_MAX_AGE_DAYS however often it is refreshed. Sign-ins under way start from their first token.
 */
export class AddSessionsAndPasswordResets1796230716521 implements MigrationInterface {
  name = 'AddSessionsAndPasswordResets1796230716521';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "password_reset_tokens" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "token_hash" bytea NOT NULL,
                "user_id" uuid NOT NULL,
                "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
                "used_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_d16bebd73e844c48bca50ff8d3d" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "password_reset_tokens_token_hash_key" ON "password_reset_tokens" ("token_hash")
        `);
    await queryRunner.query(`
            CREATE INDEX "password_reset_tokens_user_id_idx" ON "password_reset_tokens" ("user_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens"
            ADD "session_started_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
        `);
    await queryRunner.query(`
            CREATE INDEX "refresh_tokens_user_id_idx" ON "refresh_tokens" ("user_id")
        `);
    await queryRunner.query(`
            UPDATE "refresh_tokens" AS "token"
               SET "session_started_at" = "family"."started_at"
              FROM (SELECT "family_id", min("created_at") AS "started_at" FROM "refresh_tokens" GROUP BY "family_id") AS "family"
             WHERE "family"."family_id" = "token"."family_id"
        `);
    await queryRunner.query(`
            ALTER TABLE "password_reset_tokens"
            ADD CONSTRAINT "password_reset_tokens_user_id_fkey" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "password_reset_tokens" DROP CONSTRAINT "password_reset_tokens_user_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."refresh_tokens_user_id_idx"
        `);
    await queryRunner.query(`
            ALTER TABLE "refresh_tokens" DROP COLUMN "session_started_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_reset_tokens_user_id_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."password_reset_tokens_token_hash_key"
        `);
    await queryRunner.query(`
            DROP TABLE "password_reset_tokens"
        `);
  }
}
