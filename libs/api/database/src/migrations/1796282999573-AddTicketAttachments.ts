import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Files on ticket messages: their names, sizes and types (`ticket_attachments`, removed with their message), and the
 * bytes of the PostgreSQL attachment storage (`attachment_contents`, keyed by the attachment's id; stored without
 * compression, as most files are compressed already).
 */
export class AddTicketAttachments1796282999573 implements MigrationInterface {
  name = 'AddTicketAttachments1796282999573';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "ticket_attachments" (
                "id" uuid NOT NULL,
                "message_id" uuid NOT NULL,
                "position" smallint NOT NULL,
                "file_name" text NOT NULL,
                "size" integer NOT NULL,
                "content_type" text NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_7e5011f87f95e78fe4bd7d982a3" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ticket_attachments_message_id_idx" ON "ticket_attachments" ("message_id", "position")
        `);
    await queryRunner.query(`
            CREATE TABLE "attachment_contents" (
                "key" uuid NOT NULL,
                "data" bytea NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_4a5b0d4b854fd9b0a7944f3efb5" PRIMARY KEY ("key")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "attachment_contents"
            ALTER COLUMN "data" SET STORAGE EXTERNAL
        `);
    await queryRunner.query(`
            ALTER TABLE "ticket_attachments"
            ADD CONSTRAINT "ticket_attachments_message_id_fkey" FOREIGN KEY ("message_id") REFERENCES "ticket_messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "ticket_attachments" DROP CONSTRAINT "ticket_attachments_message_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "attachment_contents"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ticket_attachments_message_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "ticket_attachments"
        `);
  }
}
