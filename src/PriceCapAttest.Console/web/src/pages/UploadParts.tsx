import type { Ref } from "preact";
import { useEffect, useRef } from "preact/hooks";
import type { Receipt, ReceiptAttestation } from "../api/types";
import { Link } from "../components/Link";
import { Table } from "../components/Table";
import { VerdictBadge } from "../components/VerdictBadge";
import { when } from "../format";
import { href } from "../router";
import { bytes, cellId, columnId, itemId, MostShown, rowId, type DocField, type DocumentView, type PlacedError } from "./uploadDocument";

/** Moves focus to an in-page target (the field of an error) without touching the address. */
function goTo(event: MouseEvent, targetId: string) {
  const target = document.getElementById(targetId);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus();
}

/** Every error at the top, each a link to its field (or "(whole document)"). */
export function ErrorSummary({ errors, focusRef }: { errors: PlacedError[]; focusRef: Ref<HTMLDivElement> }) {
  return (
    <div class="error-summary" tabIndex={-1} ref={focusRef} aria-labelledby="error-summary-title" role="region" data-testid="error-summary">
      <h2 id="error-summary-title">
        {errors.length} error{errors.length === 1 ? "" : "s"} to fix
      </h2>
      <ul>
        {errors.map((e) => (
          <li key={e.id} data-error={e.code ?? undefined}>
            {e.targetId ? (
              <a href={`#${e.targetId}`} onClick={(event) => goTo(event, e.targetId!)}>
                {e.where}
              </a>
            ) : (
              <span>{e.where}</span>
            )}
            : {e.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

const statusWords: Record<Receipt["status"], string> = {
  Processed: "Checked: attestations recorded",
  Rejected: "Rejected: nothing was recorded",
  Failed: "Failed: the pipeline could not check the document",
};

/** The receipt: status, when, size, and the verdict of each attestation with a link to its page. */
export function ReceiptFacts({ receipt, focusRef }: { receipt: Receipt; focusRef?: Ref<HTMLDivElement> }) {
  return (
    <div class="receipt" tabIndex={-1} ref={focusRef} role="region" aria-labelledby="receipt-title" data-testid="receipt" data-status={receipt.status}>
      <h2 id="receipt-title">Receipt</h2>
      <dl class="facts">
        <dt>Outcome</dt>
        <dd>{statusWords[receipt.status] ?? receipt.status}</dd>
        <dt>Document</dt>
        <dd>
          <code>{receipt.blobPath}</code>
          {receipt.size !== null && <>, {bytes(receipt.size)}</>}
        </dd>
        <dt>Received</dt>
        <dd>{when(receipt.receivedAt)}</dd>
        <dt>Cap schedule</dt>
        <dd>{receipt.scheduleVersion ?? "—"}</dd>
        {receipt.error && (
          <>
            <dt>Error</dt>
            <dd>{receipt.error}</dd>
          </>
        )}
      </dl>
      <Table caption="Verdict per attestation" testId="receipt-verdicts">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col">Attestation</th>
            <th scope="col">Verdict</th>
            <th scope="col">Recorded</th>
          </tr>
        </thead>
        <tbody>
          {receipt.attestations.map((a) => (
            <tr key={a.index} data-attestation={a.attestationId ?? undefined}>
              <td>{a.index + 1}</td>
              <td>{a.record ? <Link href={href("attestations", a.record.shipperId, a.record.attestationId)}>{a.record.attestationId}</Link> : a.attestationId ?? "—"}</td>
              <td>
                <VerdictBadge verdict={a.verdict} />
              </td>
              <td>{recorded(a)}</td>
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function recorded(a: ReceiptAttestation): string {
  if (!a.record) return a.errors.length ? `No: ${a.errors.length} error${a.errors.length === 1 ? "" : "s"}` : "No";
  return `Version ${a.record.version}${a.current ? "" : " (a later version was recorded first)"}`;
}

/** The document as uploaded: a field list per attestation (JSON) or a table of rows (CSV), each error at its field. */
export function DocumentShown(props: { name: string; view: DocumentView; errors: PlacedError[]; receipt: Receipt | null }) {
  const { view, errors } = props;
  const at = (id: string) => errors.filter((e) => e.targetId === id);
  return (
    <section class="document" aria-labelledby="document-title">
      <h2 id="document-title">The document: {props.name}</h2>
      {view.kind === "unreadable" && <p>{view.reason}</p>}
      {view.kind === "json" && <JsonItems view={view} at={at} receipt={props.receipt} />}
      {view.kind === "csv" && <CsvRows view={view} at={at} name={props.name} />}
    </section>
  );
}

type At = (id: string) => PlacedError[];

function shown<T>(all: readonly T[], invalid: (t: T) => boolean): { items: T[]; note: string | null } {
  if (all.length <= MostShown) return { items: [...all], note: null };
  const items = all.filter(invalid);
  return { items, note: `${all.length} in all: only the ${items.length} with errors are shown.` };
}

function JsonItems({ view, at, receipt }: { view: Extract<DocumentView, { kind: "json" }>; at: At; receipt: Receipt | null }) {
  const { items, note } = shown(view.items, (i) => i.fields.some((f) => at(f.id).length > 0));
  return (
    <>
      {note && <p class="muted">{note}</p>}
      {items.map((item) => {
        const result = receipt?.attestations.find((a) => a.index === item.index);
        const idPath = view.batch ? `attestations[${item.index}].attestationId` : "attestationId";
        const id = item.fields.find((f) => f.path === idPath && !f.absent)?.value;
        return (
          <section key={item.index} class="doc-item" id={itemId(item.index)} aria-labelledby={`${itemId(item.index)}-title`}>
            <h3 id={`${itemId(item.index)}-title`}>
              Attestation {item.index + 1}
              {id && id.startsWith('"') ? ` (${JSON.parse(id) as string})` : ""}
              {result && <VerdictBadge verdict={result.verdict} />}
            </h3>
            <ul class="doc-fields">
              {item.fields.map((f) => <FieldRow key={f.id} field={f} errors={at(f.id)} />)}
            </ul>
          </section>
        );
      })}
    </>
  );
}

function FieldRow({ field, errors }: { field: DocField; errors: PlacedError[] }) {
  const invalid = errors.length > 0;
  return (
    <li
      id={field.id}
      class={`doc-field${invalid ? " invalid" : ""}`}
      data-path={field.path}
      tabIndex={invalid ? -1 : undefined}
      aria-invalid={invalid ? "true" : undefined}
      aria-describedby={invalid ? errors.map((e) => e.id).join(" ") : undefined}
    >
      <code class="doc-path">{field.path}</code>
      <span class={`doc-value${field.absent ? " muted" : ""}`}>{field.value}</span>
      {errors.map((e) => (
        <p key={e.id} id={e.id} class="field-error">
          {e.message}
        </p>
      ))}
    </li>
  );
}

function CsvRows({ view, at, name }: { view: Extract<DocumentView, { kind: "csv" }>; at: At; name: string }) {
  const numbered = view.rows.map((cells, index) => ({ cells, index }));
  const { items, note } = shown(numbered, (r) => at(rowId(r.index)).length > 0 || r.cells.some((_, c) => at(cellId(r.index, c)).length > 0));
  // A wide file: scroll sideways to the first cell with an error, so that it shows without looking for it.
  const wrapper = useRef<HTMLDivElement>(null);
  const errorCount = view.rows.reduce((n, cells, r) => n + cells.filter((_, c) => at(cellId(r, c)).length > 0).length, 0);
  useEffect(() => {
    const region = wrapper.current?.querySelector<HTMLElement>(".table-scroll");
    const cell = region?.querySelector<HTMLElement>("td.invalid");
    const rowHeader = region?.querySelector<HTMLElement>("tbody th");
    if (region && cell) region.scrollLeft = Math.max(0, cell.offsetLeft - (rowHeader?.offsetWidth ?? 0) - 16);
  }, [errorCount]);
  return (
    <div ref={wrapper}>
      {note && <p class="muted">{note}</p>}
      <Table caption={`Rows of ${name}`} testId="document-rows">
        <thead>
          <tr>
            <th scope="col">Row</th>
            {view.columns.map((column, c) => <Cell key={c} tag="th" id={columnId(c)} errors={at(columnId(c))} text={column} />)}
          </tr>
        </thead>
        <tbody>
          {items.map((r) => (
            <tr key={r.index} data-row={r.index + 1}>
              <Cell tag="th" id={rowId(r.index)} errors={at(rowId(r.index))} text={`Row ${r.index + 1}`} />
              {view.columns.map((column, c) => <Cell key={c} tag="td" id={cellId(r.index, c)} errors={at(cellId(r.index, c))} text={r.cells[c] ?? ""} column={column} />)}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function Cell(props: { tag: "th" | "td"; id: string; errors: PlacedError[]; text: string; column?: string }) {
  const Tag = props.tag;
  const invalid = props.errors.length > 0;
  return (
    <Tag
      id={props.id}
      scope={props.tag === "th" ? (props.id.startsWith("row-") ? "row" : "col") : undefined}
      class={invalid ? "invalid" : undefined}
      data-column={props.column}
      tabIndex={invalid ? -1 : undefined}
      aria-invalid={invalid ? "true" : undefined}
      aria-describedby={invalid ? props.errors.map((e) => e.id).join(" ") : undefined}
    >
      {props.text}
      {props.errors.map((e) => (
        <p key={e.id} id={e.id} class="field-error">
          {e.message}
        </p>
      ))}
    </Tag>
  );
}
