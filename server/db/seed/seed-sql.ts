/**
 * A reproducible time-ordered UUID (version 7 layout) made in SQL: the first 48 bits are the
 * milliseconds of `at`, the rest come from md5(`key`). Rows made in one statement land near their
 * neighbours in the primary-key index, as ids made by the app over time do.
 */
export function seedUuidSql(at: string, key: string): string {
  return `(lpad(to_hex(floor(extract(epoch from ${at}) * 1000)::bigint), 12, '0')
    || '7' || substr(md5(${key}), 1, 3) || '8' || substr(md5(${key}), 4, 15))::uuid`;
}
