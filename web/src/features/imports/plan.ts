/** Parses RFC 4180-style CSV (quotes, doubled quotes, CRLF), as the server's reports are written. */
export function parseCsv(text: string, delimiter = ";"): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (quoted) {
      if (ch === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
      continue;
    }
    if (ch === '"' && cell === "") quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
    } else cell += ch;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

export type Outcome = "create" | "update" | "unchanged" | "reject";
export type PlanRow = {
  row: number;
  outcome: Outcome | null;
  action: string;
  field: string;
  reason: string;
  name: string;
  inn: string;
};

// The plan file names the action in the importer's language; both are known here.
const OUTCOME_WORDS: Record<string, Outcome> = {
  создать: "create",
  create: "create",
  обновить: "update",
  update: "update",
  "без изменений": "unchanged",
  unchanged: "unchanged",
  отклонить: "reject",
  reject: "reject",
};

/** Rows of the dry-run plan (header dropped): row, action, field, reason, name, INN. */
export function planRows(records: string[][]): PlanRow[] {
  return records.slice(1).flatMap((r): PlanRow[] => {
    const row = Number(r[0]);
    if (!Number.isFinite(row) || r.length < 2) return [];
    const action = r[1] ?? "";
    return [
      {
        row,
        outcome: OUTCOME_WORDS[action.trim().toLowerCase()] ?? null,
        action,
        field: r[2] ?? "",
        reason: r[3] ?? "",
        name: r[4] ?? "",
        inn: r[5] ?? "",
      },
    ];
  });
}

/**
 * Reads the first `maxRows` lines of a CSV report and stops: a plan of a million rows is a file
 * to download, not a table to render.
 */
export async function readCsvHead(
  response: Response,
  maxRows: number,
): Promise<{ records: string[][]; truncated: boolean }> {
  const reader = response.body?.getReader();
  if (!reader) return { records: parseCsv(await response.text()), truncated: false };
  const decoder = new TextDecoder("utf-8");
  let text = "";
  let truncated = false;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    // Counting line breaks over-counts breaks inside quoted cells; that only stops reading a bit early.
    if ((text.match(/\n/g)?.length ?? 0) > maxRows + 1) {
      truncated = true;
      await reader.cancel();
      break;
    }
  }
  text += decoder.decode();
  if (truncated) text = text.slice(0, text.lastIndexOf("\n") + 1);
  const records = parseCsv(text);
  return { records: records.slice(0, maxRows + 1), truncated: truncated || records.length > maxRows + 1 };
}
