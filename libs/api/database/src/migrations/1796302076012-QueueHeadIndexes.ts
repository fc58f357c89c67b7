import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The deliverer's claim at depth: pending rows in `seq` order, and each chat's first open (`pending` / `sending`)
 * row, from partial indexes that hold only the queue, not the history of sent rows. With 100,000 due rows over
 * 10,000 chats the claim of 100 takes a few milliseconds instead of a scan and hash of the whole queue.
 */
export class QueueHeadIndexes1796302076012 implements MigrationInterface {
  name = 'QueueHeadIndexes1796302076012';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_pending_seq_idx" ON "notification_deliveries" ("seq")
            WHERE "status" = 'pending'
        `);
    await queryRunner.query(`
            CREATE INDEX "notification_deliveries_open_chat_seq_idx" ON "notification_deliveries" ("chat_id", "seq")
            WHERE "status" IN ('pending', 'sending')
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_open_chat_seq_idx"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."notification_deliveries_pending_seq_idx"
        `);
  }
}
