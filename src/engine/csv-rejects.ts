/**
 * The lines DuckDB could not read as rows during a load, per file, from the rejects
 * tables the load asked it to keep: line number, reason and text.
 */
import type { RejectedLine } from './api.ts';
import type { DuckSession } from './duck-session.ts';

/** Rejected lines listed per file; the count beyond is still reported. */
const REJECTS_LISTED = 1000;

/** Rejected lines per file name; `names` maps the paths DuckDB read back to the names given. */
export async function readRejects(session: DuckSession, names: ReadonlyMap<string, string>): Promise<Map<string, { listed: RejectedLine[]; total: number }>> {
  const byFile = new Map<string, { listed: RejectedLine[]; total: number }>();
  try {
    const rows = await session.table(
      // One entry per line: DuckDB records a ragged line once per extra field, with its first reason.
      `SELECT file, line, reason, text, total FROM (
         SELECT file, line, reason, text,
                count(*) OVER (PARTITION BY file) AS total,
                row_number() OVER (PARTITION BY file ORDER BY line) AS n
         FROM (
           SELECT s.file_path AS file, e.line AS line,
                  arg_min(e.error_message, coalesce(e.column_idx, 0)) AS reason, arg_min(e.csv_line, coalesce(e.column_idx, 0)) AS text
           FROM _ingest_rejects e JOIN _ingest_reject_scans s USING (scan_id, file_id)
           GROUP BY 1, 2
         )
       ) WHERE n <= ${REJECTS_LISTED} ORDER BY file, line`,
    );
    for (const row of rows) {
      const file = names.get(String(row['file'])) ?? String(row['file']);
      const entry = byFile.get(file) ?? { listed: [], total: Number(row['total']) };
      const text = row['text'] === null ? undefined : String(row['text']).replace(/\r?\n$/, '');
      const line = Number(row['line']);
      const spans = text === undefined ? 0 : text.split(/\r\n|\n|\r/).length - 1;
      const reason =
        String(row['reason']) +
        (spans > 0 ? ` Lines ${line}–${line + spans} were read as one row: a quote opened on line ${line} is not closed. If it is a stray character, set "quote" to "" for this file.` : '');
      entry.listed.push({ line, reason, ...(text === undefined ? {} : { text: text.length > 500 ? `${text.slice(0, 500)}…` : text }) });
      byFile.set(file, entry);
    }
  } catch {
    // No rejects table means nothing was rejected.
  }
  return byFile;
}

