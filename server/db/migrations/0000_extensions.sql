-- Fuzzy and substring search on both PostgreSQL and PGlite.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
--> statement-breakpoint
-- PGlite's default collation is C, which sorts Cyrillic wrongly; names sort with this ICU collation on both databases.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_collation WHERE collname = 'ru_icu') THEN
    CREATE COLLATION ru_icu (provider = icu, locale = 'ru-RU');
  END IF;
END $$;
