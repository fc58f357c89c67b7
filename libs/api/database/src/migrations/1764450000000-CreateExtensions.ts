import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first migration: what every later table leans on. `citext` gives case-insensitive e-mail addresses;
 * `gen_random_uuid()` is built into PostgreSQL 13+, so no extension is needed for ids.
 */
export class CreateExtensions1764450000000 implements MigrationInterface {
  name = 'CreateExtensions1764450000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('CREATE EXTENSION IF NOT EXISTS citext');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP EXTENSION IF EXISTS citext');
  }
}
