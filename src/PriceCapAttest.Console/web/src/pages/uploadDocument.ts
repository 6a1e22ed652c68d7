// The uploaded document as the upload page shows it (a field list for JSON, a table for CSV), and where each error of a
// receipt belongs in it. Errors name fields as docs/attestation-format.md says: the JSON path within the attestation
// ("vessel.imo", "ancillaryCosts[1].unit") with the receipt's index (batch element or CSV data row, from 0), "$" for
// the whole file, "attestations[i]" for a batch entry that is not an object, a column name for DuplicateColumn.
import type { ReceiptAttestation, ValidationIssue } from "../api/types";

/** The most the API accepts by default (Ingest:MaxDocumentBytes, 10 MiB); a larger file is refused before upload. */
export const MaxDocumentBytes = 10 * 1024 * 1024;

/** Above this many attestations or rows, only those with errors are shown. */
export const MostShown = 100;

export type Format = "json" | "csv";

export type DocField = { id: string; path: string; value: string; absent: boolean };
export type JsonItem = { index: number; fields: DocField[] };
export type DocumentView =
  | { kind: "json"; batch: boolean; items: JsonItem[] }
  | { kind: "csv"; columns: string[]; rows: string[][] }
  | { kind: "unreadable"; reason: string };

/** One error and where it is shown: targetId is the id of the field, cell or row; null for the whole document. */
export type PlacedError = { id: string; targetId: string | null; where: string; message: string; code: string | null };

/** The format of a file name, or null for any other extension (what the API refuses with 400). */
export function formatOf(name: string): Format | null {
  const extension = /\.([^.]*)$/.exec(name)?.[1]?.toLowerCase();
  return extension === "json" ? "json" : extension === "csv" ? "csv" : null;
}

export function contentTypeOf(format: Format): string {
  return format === "json" ? "application/json" : "text/csv";
}

/** Why a file is refused before upload (what the API would refuse for sure), or null. */
export function refusalOf(file: { name: string; size: number }): string | null {
  if (formatOf(file.name) === null) return `${file.name} is not a JSON or CSV file: choose a .json or .csv document.`;
  if (file.size === 0) return `${file.name} is empty: choose a document with at least one attestation.`;
  if (file.size > MaxDocumentBytes) return `${file.name} is ${bytes(file.size)}, more than the ${bytes(MaxDocumentBytes)} accepted: split it into smaller files.`;
  return null;
}

/** A size in words: "812 bytes", "4.2 KB", "1.5 MB". */
export function bytes(size: number): string {
  if (size < 1024) return `${size} byte${size === 1 ? "" : "s"}`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(1)} KB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Reads the text of a document into its view (never throws: what cannot be read is "unreadable", with why). */
export function viewOf(format: Format, text: string): DocumentView {
  const content = text.replace(/^\uFEFF/, "");
  if (format === "csv") {
    const lines = parseCsv(content);
    if (lines === null) return { kind: "unreadable", reason: "The file is not valid CSV (a quote is not closed), so its rows cannot be shown." };
    const [header, ...rows] = lines;
    if (!header) return { kind: "unreadable", reason: "The file has no header row." };
    return { kind: "csv", columns: header.map((c) => c.trim()), rows };
  }
  let root: unknown;
  try {
    root = JSON.parse(content);
  } catch {
    return { kind: "unreadable", reason: "The file is not valid JSON, so its fields cannot be shown." };
  }
  if (!isObject(root)) return { kind: "unreadable", reason: "The file holds no attestation object." };
  const entries = root["attestations"];
  if (Array.isArray(entries)) {
    return { kind: "json", batch: true, items: entries.map((entry, index) => ({ index, fields: flatten(entry, `attestations[${index}]`, index) })) };
  }
  return { kind: "json", batch: false, items: [{ index: 0, fields: flatten(root, "", 0) }] };
}

/** RFC 4180 with "," only: rows of cells; blank lines skipped (the receipt's index counts data rows without them). Null if a quote is open at the end. */
export function parseCsv(text: string): string[][] | null {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  let i = 0;
  const endRow = () => {
    row.push(cell);
    if (row.length > 1 || row[0] !== "") rows.push(row);
    row = [];
    cell = "";
  };
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { cell += '"'; i += 2; continue; }
      if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(cell); cell = ""; }
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      endRow();
    } else cell += c;
    i++;
  }
  if (quoted) return null;
  if (cell !== "" || row.length > 0) endRow();
  return rows;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The leaves of a value as path and value; empty objects and lists are leaves too ("{}", "[]"). */
function flatten(value: unknown, path: string, item: number): DocField[] {
  if (isObject(value) && Object.keys(value).length > 0) {
    return Object.entries(value).flatMap(([name, inner]) => flatten(inner, path ? `${path}.${name}` : name, item));
  }
  if (Array.isArray(value) && value.length > 0) return value.flatMap((inner, i) => flatten(inner, `${path}[${i}]`, item));
  return [{ id: fieldId(item, path), path, value: JSON.stringify(value), absent: false }];
}

export function fieldId(item: number, path: string): string {
  return `field-${item}-${path.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

export const cellId = (row: number, column: number) => `cell-${row}-${column}`;
export const rowId = (row: number) => `row-${row}`;
export const columnId = (column: number) => `column-${column}`;
export const itemId = (item: number) => `item-${item}`;

const FileCodes = new Set([
  "FileTooLarge", "InvalidEncoding", "InvalidJson", "NestingTooDeep", "NotAnAttestation", "UnsupportedFileType",
  "MissingColumns", "DuplicateColumn", "InvalidCsv", "Unreadable", "TooManyAttestations",
]);

/**
 * Places every error of the receipt in the view. A JSON field the document lacks (a Required error) is added to its
 * attestation as absent, next to its siblings; a CSV error names its row's column (list entries renumbered as the
 * reader numbers them: the present ones from 0), else its row. What cannot be placed is the whole document's.
 */
export function placeErrors(view: DocumentView, attestations: readonly ReceiptAttestation[]): { view: DocumentView; errors: PlacedError[] } {
  const errors: PlacedError[] = [];
  const next = view.kind === "json" ? { ...view, items: view.items.map((i) => ({ ...i, fields: [...i.fields] })) } : view;
  for (const attestation of attestations) {
    for (const issue of attestation.errors) {
      const id = `error-${errors.length}`;
      const placed = place(next, attestation.index, issue);
      errors.push({ id, targetId: placed?.targetId ?? null, where: placed?.where ?? "(whole document)", message: issue.message, code: issue.code });
    }
  }
  return { view: next, errors };
}

function place(view: DocumentView, index: number, issue: ValidationIssue): { targetId: string; where: string } | null {
  const field = issue.field ?? "$";
  if (view.kind === "unreadable" || field === "$" || field === "") return null;
  if (view.kind === "csv") {
    const column = view.columns.indexOf(field);
    if (FileCodes.has(issue.code)) return column >= 0 ? { targetId: columnId(column), where: `column ${field}` } : null;
    const row = view.rows[index];
    if (row === undefined) return null;
    const at = column >= 0 ? column : renumbered(view.columns, row, field);
    return at >= 0
      ? { targetId: cellId(index, at), where: `Row ${index + 1}, ${field}` }
      : { targetId: rowId(index), where: `Row ${index + 1}, ${field}` };
  }
  if (FileCodes.has(issue.code)) return null;
  const item = view.items.find((i) => i.index === index);
  if (!item) return null;
  const path = !view.batch || /^attestations\[\d+\]/.test(field) ? field : `attestations[${index}].${field}`;
  const found = item.fields.find((f) => f.path === path) ?? item.fields.find((f) => f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`));
  if (found) return { targetId: found.id, where: path };
  // Not in the document: shown as absent after the last field of the same section.
  const absent: DocField = { id: fieldId(index, path), path, value: "(not given)", absent: true };
  const parent = path.replace(/(\.[^.[\]]+|\[\d+\])$/, "");
  let after = -1;
  item.fields.forEach((f, i) => {
    if (parent !== path && parent !== "" && (f.path.startsWith(`${parent}.`) || f.path.startsWith(`${parent}[`))) after = i;
  });
  item.fields.splice(after >= 0 ? after + 1 : item.fields.length, 0, absent);
  return { targetId: absent.id, where: path };
}

/** "ancillaryCosts[1].value" of a row: the column of the second entry present in that row (the reader numbers present entries from 0). */
function renumbered(columns: readonly string[], row: readonly string[], field: string): number {
  const match = /^([A-Za-z]+)\[(\d+)\](.*)$/.exec(field);
  if (!match) return -1;
  const [, list, nth, rest] = match;
  const present = new Set<number>();
  columns.forEach((column, i) => {
    const entry = new RegExp(`^${list}\\[(\\d+)\\]`).exec(column);
    if (entry && (row[i] ?? "").trim() !== "") present.add(Number(entry[1]));
  });
  const actual = [...present].sort((a, b) => a - b)[Number(nth)];
  return actual === undefined ? -1 : columns.indexOf(`${list}[${actual}]${rest}`);
}
