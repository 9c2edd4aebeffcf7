CREATE TABLE "search_words" (
	"workspace_id" uuid NOT NULL,
	"word" text NOT NULL
);
--> statement-breakpoint
-- The words of a text as the vocabulary keeps them: lower case, letters only, three or more.
CREATE FUNCTION search_words_of(txt text) RETURNS SETOF text LANGUAGE sql IMMUTABLE AS $$
  SELECT w FROM unnest(tsvector_to_array(to_tsvector('simple', coalesce(txt, '')))) w WHERE w ~ '^[a-zа-яё]{3,}$'
$$;--> statement-breakpoint
-- The searchable text of a company and of a contact: the same columns as their search_vector.
CREATE FUNCTION company_words_text(c companies) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', c.name, c.full_name, c.city, c.industry)
$$;--> statement-breakpoint
CREATE FUNCTION contact_words_text(c contacts) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT concat_ws(' ', c.last_name, c.first_name, c.middle_name, c.position)
$$;--> statement-breakpoint
-- Adds what is new; checking first (no unique key) means concurrent writers never wait on each other.
CREATE FUNCTION search_words_add(ws uuid, words text[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO search_words (workspace_id, word)
  SELECT ws, w FROM (SELECT DISTINCT unnest(words) AS w) n
  WHERE NOT EXISTS (SELECT 1 FROM search_words s WHERE s.workspace_id = ws AND s.word = n.w)
$$;--> statement-breakpoint
-- One pair of trigger functions for both tables; the argument names the function that gives a
-- row's searchable text. A transition table is visible to EXECUTE as well.
CREATE FUNCTION search_words_inserted() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT search_words_add(workspace_id, array_agg(DISTINCT w))
    FROM new_rows n, search_words_of(%I(n)) w GROUP BY workspace_id', TG_ARGV[0]);
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION search_words_updated() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT search_words_add($1.workspace_id, ARRAY(SELECT search_words_of(%I($1))))', TG_ARGV[0])
    USING NEW;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER companies_words_insert AFTER INSERT ON companies REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_inserted('company_words_text');--> statement-breakpoint
CREATE TRIGGER companies_words_update AFTER UPDATE OF name, full_name, city, industry ON companies FOR EACH ROW
  WHEN (company_words_text(OLD) IS DISTINCT FROM company_words_text(NEW))
  EXECUTE FUNCTION search_words_updated('company_words_text');--> statement-breakpoint
CREATE TRIGGER contacts_words_insert AFTER INSERT ON contacts REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION search_words_inserted('contact_words_text');--> statement-breakpoint
CREATE TRIGGER contacts_words_update AFTER UPDATE OF last_name, first_name, middle_name, position ON contacts FOR EACH ROW
  WHEN (contact_words_text(OLD) IS DISTINCT FROM contact_words_text(NEW))
  EXECUTE FUNCTION search_words_updated('contact_words_text');--> statement-breakpoint
-- The vocabulary of what is already stored.
INSERT INTO search_words (workspace_id, word)
SELECT DISTINCT workspace_id, w FROM (
  SELECT workspace_id, company_words_text(c) AS txt FROM companies c
  UNION ALL
  SELECT workspace_id, contact_words_text(c) FROM contacts c
) t, search_words_of(t.txt) w;--> statement-breakpoint
-- The indexes after the backfill, built at once.
CREATE INDEX "search_words_word_idx" ON "search_words" USING btree ("workspace_id","word");--> statement-breakpoint
CREATE INDEX "search_words_trgm_idx" ON "search_words" USING gin ("word" gin_trgm_ops) WITH (fastupdate=false);--> statement-breakpoint
ANALYZE search_words;
