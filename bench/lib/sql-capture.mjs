// Loaded with `node --import` into a benchmark server: appends every SQL statement the app
// sends (text and parameters, one JSON line each) to $BENCH_SQL_LOG, so a benchmark can replay
// exactly what an endpoint ran straight against the database (the "SQL floor"). Never loaded
// in normal runs; synchronous writes, so the lines are on disk before the HTTP answer leaves.
import { appendFileSync } from "node:fs";
import pg from "pg";

const file = process.env.BENCH_SQL_LOG;
if (file) {
  const original = pg.Client.prototype.query;
  pg.Client.prototype.query = function query(config, values, callback) {
    const text = typeof config === "string" ? config : config?.text;
    const params = Array.isArray(values) ? values : config?.values;
    if (text) appendFileSync(file, `${JSON.stringify({ text, values: params ?? [] })}\n`);
    return original.call(this, config, values, callback);
  };
}
