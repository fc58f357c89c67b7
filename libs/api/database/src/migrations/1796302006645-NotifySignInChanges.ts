import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API caches who is signed in (libs/api/auth, SignedInCache). Every change that can make a cached sign-in wrong
 * NOTIFYs `deskgram_sign_ins` with the user's id, at commit, whoever makes it (any replica, a script, psql): a change
 * of what the guard reads of a user (name, e-mail, role, client, language, disabled), a deleted user, and a sign-in
 * that ends (revoked, moved, deleted). A TRUNCATE says `*`: forget everyone.
 */
export class NotifySignInChanges1796302006645 implements MigrationInterface {
  name = 'NotifySignInChanges1796302006645';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE FUNCTION "users_notify_sign_in_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'TRUNCATE' THEN
                PERFORM pg_notify('deskgram_sign_ins', '*');
              ELSE
                PERFORM pg_notify('deskgram_sign_ins', OLD."id"::text);
              END IF;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "users_sign_in_change_on_update" AFTER UPDATE ON "users" FOR EACH ROW
            WHEN ((OLD."id", OLD."email", OLD."display_name", OLD."role", OLD."client_id", OLD."language", OLD."disabled_at")
                  IS DISTINCT FROM
                  (NEW."id", NEW."email", NEW."display_name", NEW."role", NEW."client_id", NEW."language", NEW."disabled_at"))
            EXECUTE FUNCTION "users_notify_sign_in_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "users_sign_in_change_on_delete" AFTER DELETE ON "users" FOR EACH ROW
            EXECUTE FUNCTION "users_notify_sign_in_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "users_sign_in_change_on_truncate" AFTER TRUNCATE ON "users" FOR EACH STATEMENT
            EXECUTE FUNCTION "users_notify_sign_in_change"()
        `);
    await queryRunner.query(`
            CREATE FUNCTION "refresh_tokens_notify_sign_in_change"() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF TG_OP = 'TRUNCATE' THEN
                PERFORM pg_notify('deskgram_sign_ins', '*');
                RETURN NULL;
              END IF;
              PERFORM pg_notify('deskgram_sign_ins', OLD."user_id"::text);
              IF TG_OP = 'UPDATE' AND NEW."user_id" IS DISTINCT FROM OLD."user_id" THEN
                PERFORM pg_notify('deskgram_sign_ins', NEW."user_id"::text);
              END IF;
              RETURN NULL;
            END
            $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER "refresh_tokens_sign_in_change_on_update" AFTER UPDATE ON "refresh_tokens" FOR EACH ROW
            WHEN ((OLD."revoked_at", OLD."session_started_at", OLD."family_id", OLD."user_id")
                  IS DISTINCT FROM
                  (NEW."revoked_at", NEW."session_started_at", NEW."family_id", NEW."user_id"))
            EXECUTE FUNCTION "refresh_tokens_notify_sign_in_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "refresh_tokens_sign_in_change_on_delete" AFTER DELETE ON "refresh_tokens" FOR EACH ROW
            EXECUTE FUNCTION "refresh_tokens_notify_sign_in_change"()
        `);
    await queryRunner.query(`
            CREATE TRIGGER "refresh_tokens_sign_in_change_on_truncate" AFTER TRUNCATE ON "refresh_tokens" FOR EACH STATEMENT
            EXECUTE FUNCTION "refresh_tokens_notify_sign_in_change"()
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const trigger of ['on_update', 'on_delete', 'on_truncate']) {
      await queryRunner.query(`DROP TRIGGER "refresh_tokens_sign_in_change_${trigger}" ON "refresh_tokens"`);
      await queryRunner.query(`DROP TRIGGER "users_sign_in_change_${trigger}" ON "users"`);
    }
    await queryRunner.query(`DROP FUNCTION "refresh_tokens_notify_sign_in_change"()`);
    await queryRunner.query(`DROP FUNCTION "users_notify_sign_in_change"()`);
  }
}
