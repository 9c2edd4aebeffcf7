-- Parts of INNs and phone numbers are found through `digit_grams`: every window of four digits,
-- as an integer (an INN's plus 10 000), in a plain GIN array index — about half the entries of
-- the two trigram indexes it replaces, each shared by ten times fewer rows (search.digits.ts).
DROP INDEX IF EXISTS "companies_inn_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "companies_phone_trgm_idx";--> statement-breakpoint
DROP INDEX IF EXISTS "contacts_phone_trgm_idx";--> statement-breakpoint
ALTER TABLE "companies" ADD COLUMN "digit_grams" integer[];--> statement-breakpoint
ALTER TABLE "contacts" ADD COLUMN "digit_grams" integer[];--> statement-breakpoint
-- The same integers as digitGrams() in search.digits.ts (tested equal).
CREATE FUNCTION digit_grams_of(inn text, phone_search text) RETURNS integer[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT coalesce(array_agg(DISTINCT g ORDER BY g), '{}'::integer[]) FROM (
    SELECT 10000 + substr(inn, i, 4)::integer AS g
      FROM generate_series(1, length(inn) - 3) AS i WHERE inn ~ '^[0-9]+$'
    UNION ALL
    SELECT substr(t, i, 4)::integer
      FROM regexp_split_to_table(phone_search, ' ') AS t, generate_series(1, length(t) - 3) AS i
      WHERE t ~ '^[0-9]+$'
  ) grams
$$;--> statement-breakpoint
-- Writes that do not fill the column (everything but the imports, which compute it in Node for
-- a thousand rows at a time) get it from these triggers; a write that changes neither the INN
-- nor the phones does not call them.
CREATE FUNCTION companies_digit_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.digit_grams := digit_grams_of(NEW.inn, NEW.phone_search);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE FUNCTION contacts_digit_grams() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.digit_grams := digit_grams_of(NULL, NEW.phone_search);
  RETURN NEW;
END $$;--> statement-breakpoint
CREATE TRIGGER companies_digits_insert BEFORE INSERT ON companies FOR EACH ROW
  WHEN (NEW.digit_grams IS NULL) EXECUTE FUNCTION companies_digit_grams();--> statement-breakpoint
CREATE TRIGGER companies_digits_update BEFORE UPDATE OF inn, phone_search ON companies FOR EACH ROW
  WHEN (NEW.inn IS DISTINCT FROM OLD.inn OR NEW.phone_search IS DISTINCT FROM OLD.phone_search)
  EXECUTE FUNCTION companies_digit_grams();--> statement-breakpoint
CREATE TRIGGER contacts_digits_insert BEFORE INSERT ON contacts FOR EACH ROW
  WHEN (NEW.digit_grams IS NULL) EXECUTE FUNCTION contacts_digit_grams();--> statement-breakpoint
CREATE TRIGGER contacts_digits_update BEFORE UPDATE OF phone_search ON contacts FOR EACH ROW
  WHEN (NEW.phone_search IS DISTINCT FROM OLD.phone_search) EXECUTE FUNCTION contacts_digit_grams();--> statement-breakpoint
UPDATE "companies" SET "digit_grams" = digit_grams_of("inn", "phone_search");--> statement-breakpoint
UPDATE "contacts" SET "digit_grams" = digit_grams_of(NULL, "phone_search");--> statement-breakpoint
CREATE INDEX "companies_digits_idx" ON "companies" USING gin ("digit_grams");--> statement-breakpoint
CREATE INDEX "contacts_digits_idx" ON "contacts" USING gin ("digit_grams");
