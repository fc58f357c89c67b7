import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Invoices with line items in integer minor units, and per-year numbering (INV-2026-0001). */

export class CreateInvoices1795994390072 implements MigrationInterface {
  name = 'CreateInvoices1795994390072';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TYPE "public"."invoice_status" AS ENUM('draft', 'issued', 'overdue', 'paid', 'void')
        `);
    await queryRunner.query(`
            CREATE TABLE "invoices" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "year" integer,
                "seq" integer,
                "client_id" uuid NOT NULL,
                "currency" character(3) NOT NULL,
                "total_minor" bigint NOT NULL,
                "status" "public"."invoice_status" NOT NULL DEFAULT 'draft',
                "due_date" date NOT NULL,
                "issued_at" TIMESTAMP WITH TIME ZONE,
                "paid_at" TIMESTAMP WITH TIME ZONE,
                "voided_at" TIMESTAMP WITH TIME ZONE,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "PK_668cef7c22a427fd822cc1be3ce" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "invoices_number_key" ON "invoices" ("year", "seq")
        `);
    await queryRunner.query(`
            CREATE INDEX "invoices_status_due_idx" ON "invoices" ("status", "due_date")
        `);
    await queryRunner.query(`
            CREATE INDEX "invoices_client_status_idx" ON "invoices" ("client_id", "status")
        `);
    await queryRunner.query(`
            CREATE TABLE "invoice_items" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "invoice_id" uuid NOT NULL,
                "position" integer NOT NULL,
                "description" character varying(500) NOT NULL,
                "quantity_thousandths" bigint NOT NULL,
                "unit_price_minor" bigint NOT NULL,
                "amount_minor" bigint NOT NULL,
                CONSTRAINT "PK_53b99f9e0e2945e69de1a12b75a" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "invoice_items_invoice_id_idx" ON "invoice_items" ("invoice_id")
        `);
    await queryRunner.query(`
            CREATE TABLE "invoice_counters" (
                "year" integer NOT NULL,
                "last" integer NOT NULL,
                CONSTRAINT "PK_92ebf3750827f45752cb0582806" PRIMARY KEY ("year")
            )
        `);
    await queryRunner.query(`
            ALTER TABLE "invoices"
            ADD CONSTRAINT "invoices_client_id_fkey" FOREIGN KEY ("client_id") REFERENCES "clients"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
    await queryRunner.query(`
            ALTER TABLE "invoice_items"
            ADD CONSTRAINT "invoice_items_invoice_id_fkey" FOREIGN KEY ("invoice_id") REFERENCES "invoices"("id") ON DELETE CASCADE ON UPDATE NO ACTION
        `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            ALTER TABLE "invoice_items" DROP CONSTRAINT "invoice_items_invoice_id_fkey"
        `);
    await queryRunner.query(`
            ALTER TABLE "invoices" DROP CONSTRAINT "invoices_client_id_fkey"
        `);
    await queryRunner.query(`
            DROP TABLE "invoice_counters"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invoice_items_invoice_id_idx"
        `);
    await queryRunner.query(`
            DROP TABLE "invoice_items"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invoices_client_status_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invoices_status_due_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."invoices_number_key"
        `);
    await queryRunner.query(`
            DROP TABLE "invoices"
        `);
    await queryRunner.query(`
            DROP TYPE "public"."invoice_status"
        `);
  }
}
