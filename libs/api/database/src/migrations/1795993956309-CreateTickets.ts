import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Tickets and their threads; human numbers T-1001, T-1002, ... come from a sequence. */

export class CreateTickets1795993956309 implements MigrationInterface {
  name = 'CreateTickets1795993956309';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE SEQUENCE "ticket_number_seq" START WITH 1001`);
    await queryRunner.query(`
            CREATE TYPE "public"."ticket_status" AS ENUM(
                'open',
                'in_progress',
                'waiting_for_client',
                'resolved',
                'closed'
            )
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."ticket_priority" AS ENUM('low', 'normal', 'high', 'urgent')
        `);
    await queryRunner.query(`
            CREATE TABLE "tickets" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "seq" integer NOT NULL DEFAULT nextval('ticket_number_seq'),
                "subject" character varying(200) NOT NULL,
                "client_id" uuid NOT NULL,
                "creator_id" uuid NOT NULL,
                "assignee_id" uuid,
                "status" "public"."ticket_status" NOT NULL DEFAULT 'open',
                "priority" "public"."ticket_priority" NOT NULL DEFAULT 'normal',
                "last_activity_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_343bc942ae261cf7a1377f48fd0" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "tickets_seq_key" ON "tickets" ("seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "tickets_assignee_idx" ON "tickets" ("assignee_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "tickets_status_activity_idx" ON "tickets" ("status", "last_activity_at")
        `);
    await queryRunner.query(`
            CREATE INDEX "tickets_client_activity_idx" ON "tickets" ("client_id", "last_activity_at")
        `);
    await queryRunner.query(`
            CREATE TYPE "public"."message_channel" AS ENUM('portal', 'telegram')
        `);
    await queryRunner.query(`
            CREATE TABLE "ticket_messages" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "ticket_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "author_role" "public"."user_role" NOT NULL,
                "body" text NOT NULL,
                "internal" boolean NOT NULL DEFAULT false,
                "via" "public"."message_channel" NOT NULL DEFAULT 'portal',
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_37beb692dedf7eccb4e519ccec1" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ticket_messages_ticket_created_idx" ON "ticket_messages" ("ticket_id", "created_at")
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets"
            ADD CONSTRAINT "tickets_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets"
            ADD CONSTRAINT "tickets_creator_id_fkey" FOREIGN KEY ("creator_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets"
            ADD CONSTRAINT "tickets_assignee_id_fkey" FOREIGN KEY ("assignee_id") REFERENCES "users"("id") ON DELETE
            SET NULL ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket_messages"
            ADD CONSTRAINT "ticket_messages_ticket_id_fkey" FOREIGN KEY ("ticket_id") REFERENCES "tickets"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket_messages"
            ADD CONSTRAINT "ticket_messages_author_id_fkey" FOREIGN KEY ("author_id") REFERENCES "users"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ticket_messages" DROP CONSTRAINT "ticket_messages_author_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket_messages" DROP CONSTRAINT "ticket_messages_ticket_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets" DROP CONSTRAINT "tickets_assignee_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets" DROP CONSTRAINT "tickets_creator_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "tickets" DROP CONSTRAINT "tickets_client_id_fkey"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ticket_messages_ticket_created_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_messages"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."message_channel"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tickets_client_activity_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tickets_status_activity_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tickets_assignee_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."tickets_seq_key"
        `);
    await queryRunner.query(`
            DROP TABLE "tickets"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."ticket_priority"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."ticket_status"
        `);
    await queryRunner.query(`DROP SEQUENCE "ticket_number_seq"`);
  }
}
