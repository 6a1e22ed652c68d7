import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, getJson, postBody } from "../api/client";
import type { Receipt, UploadAnswer } from "../api/types";
import { announce } from "../components/LiveRegion";
import { ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import type { PageProps } from "../routes";
import { DocumentShown, ErrorSummary, ReceiptFacts } from "./UploadParts";
import { bytes, contentTypeOf, formatOf, MaxDocumentBytes, placeErrors, refusalOf, viewOf, type DocumentView, type PlacedError } from "./uploadDocument";

/** How long the page waits for the receipt before saying it is not there yet, and the pauses between asks. */
const ReceiptWaitMs = 60_000;
const Pauses = [500, 750, 1000, 1500, 2000, 3000];

type Chosen = { file: File; view: DocumentView };
type Stage =
  | { step: "idle" }
  | { step: "uploading" }
  | { step: "checking"; path: string }
  | { step: "late"; path: string }
  | { step: "refused"; error: ApiError }
  | { step: "done"; receipt: Receipt };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The identity of a receipt: a re-upload of the same name gets a new one (the pipeline receipts every upload). */
const receiptKey = (r: Receipt | null) => (r === null ? null : `${r.receivedAt}|${r.sha256 ?? ""}`);

/** /console/upload: a shipper drops or chooses a JSON or CSV document, uploads it, and sees the receipt with each error at its field. */
export function UploadPage({ me }: PageProps) {
  const [chosen, setChosen] = useState<Chosen | null>(null);
  const [inputErrors, setInputErrors] = useState<string[]>([]);
  const [stage, setStage] = useState<Stage>({ step: "idle" });
  const [dragging, setDragging] = useState(false);
  const run = useRef(0);
  const previous = useRef<string | null>(null);
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => () => void run.current++, []);

  const choose = async (files: FileList | null) => {
    run.current++;
    setStage({ step: "idle" });
    setChosen(null);
    if (!files || files.length === 0) return setInputErrors([]);
    if (files.length > 1) return setInputErrors(["Drop one file at a time."]);
    const file = files[0]!;
    const refusal = refusalOf(file);
    setInputErrors(refusal ? [refusal] : []);
    if (refusal) return announce(refusal);
    setChosen({ file, view: viewOf(formatOf(file.name)!, await file.text()) });
    announce(`${file.name} chosen, ${bytes(file.size)}.`);
  };

  const poll = async (path: string, mine: number) => {
    setStage({ step: "checking", path });
    announce("Checking…");
    const started = Date.now();
    for (let attempt = 0; run.current === mine; attempt++) {
      try {
        const receipt = await getJson<Receipt>(path);
        if (run.current !== mine) return;
        if (receiptKey(receipt) !== previous.current) {
          setStage({ step: "done", receipt });
          const failed = receipt.attestations.reduce((n, a) => n + a.errors.length, 0);
          announce(`Receipt ready: ${receipt.status}${failed ? `, ${failed} error${failed === 1 ? "" : "s"}` : ""}.`);
          return;
        }
      } catch (e) {
        if (run.current !== mine) return;
        if (!(e instanceof ApiError) || e.status !== 404) return setStage({ step: "refused", error: asApiError(e) });
      }
      if (Date.now() - started >= ReceiptWaitMs) {
        setStage({ step: "late", path });
        announce("The receipt is not there yet.");
        return;
      }
      await sleep(Pauses[Math.min(attempt, Pauses.length - 1)]!);
    }
  };

  const upload = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return setInputErrors(["Choose a .json or .csv document first."]);
    const mine = ++run.current;
    const { file } = chosen;
    setInputErrors([]);
    setStage({ step: "uploading" });
    announce("Uploading…");
    try {
      // The receipt of an earlier upload of the same name, if any: the new one is the receipt that differs from it.
      const before = await getJson<Receipt>(`receipts/${encodeURIComponent(me.partyId)}/${encodeURIComponent(file.name)}`).catch(() => null);
      previous.current = receiptKey(before);
      const answer = await postBody<UploadAnswer>("attestations", file, contentTypeOf(formatOf(file.name)!), { name: file.name });
      if (run.current !== mine) return;
      await poll(answer.receipt.replace(/^\/?api\//, ""), mine);
    } catch (e) {
      if (run.current !== mine) return;
      const error = asApiError(e);
      if (error.errors.length > 0) setInputErrors(error.errors.map((f) => f.message));
      setStage({ step: "refused", error });
      announce(error.title);
    }
  };

  useEffect(() => {
    if (stage.step === "done" || (stage.step === "refused" && inputErrors.length > 0)) summary.current?.focus();
  }, [stage.step]);

  const busy = stage.step === "uploading" || stage.step === "checking";
  const placed = chosen && stage.step === "done" ? placeErrors(chosen.view, stage.receipt.attestations) : null;
  const errors: PlacedError[] = placed?.errors ?? inputErrors.map((message, i) => ({ id: `input-error-${i}`, targetId: "document", where: "the file", message, code: null }));
  const describedBy = ["document-hint", chosen ? "document-chosen" : "", inputErrors.length ? "document-error" : ""].filter(Boolean).join(" ");

  return (
    <Page title="Upload attestations" lead="Upload a JSON or CSV attestation document: every attestation in it is checked against the price caps, and the receipt shows each error at its field.">
      <form class="upload-form" onSubmit={(e) => void upload(e)} aria-label="Upload a document" noValidate>
        <div
          class={`drop-zone${dragging ? " dragging" : ""}${inputErrors.length ? " invalid" : ""}`}
          data-testid="drop-zone"
          onDragEnter={(e) => { e.preventDefault(); setDragging(true); }}
          onDragOver={(e) => { e.preventDefault(); setDragging(true); }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => { e.preventDefault(); setDragging(false); void choose(e.dataTransfer?.files ?? null); }}
        >
          <label for="document">Attestation document</label>
          <p id="document-hint" class="hint">Drag and drop a .json or .csv file here, or choose a file (at most {bytes(MaxDocumentBytes)}).</p>
          <input
            type="file"
            id="document"
            accept=".json,.csv,application/json,text/csv"
            aria-describedby={describedBy}
            aria-invalid={inputErrors.length ? "true" : undefined}
            disabled={busy}
            onChange={(e) => void choose((e.target as HTMLInputElement).files)}
          />
          {chosen && (
            <p id="document-chosen" class="chosen" data-testid="chosen-file">
              <strong>{chosen.file.name}</strong>, {bytes(chosen.file.size)}
            </p>
          )}
          {inputErrors.length > 0 && (
            <div id="document-error" class="field-error" role="alert">
              {inputErrors.map((m) => <p key={m}>{m}</p>)}
            </div>
          )}
        </div>
        <button type="submit" disabled={busy || !chosen}>Upload and check</button>
      </form>
      <Progress stage={stage} onRetry={(path) => void poll(path, ++run.current)} />
      {errors.length > 0 && (stage.step === "done" || stage.step === "refused") && <ErrorSummary errors={errors} focusRef={summary} />}
      {stage.step === "refused" && inputErrors.length === 0 && <ProblemMessage error={stage.error} />}
      {stage.step === "done" && <ReceiptFacts receipt={stage.receipt} focusRef={errors.length ? undefined : summary} />}
      {chosen && <DocumentShown name={chosen.file.name} view={placed?.view ?? chosen.view} errors={placed?.errors ?? []} receipt={stage.step === "done" ? stage.receipt : null} />}
    </Page>
  );
}

function Progress({ stage, onRetry }: { stage: Stage; onRetry: (path: string) => void }) {
  if (stage.step === "uploading") return <p class="progress" data-testid="upload-status">Uploading…</p>;
  if (stage.step === "checking") return <p class="progress" data-testid="upload-status">Checking… the receipt is written once every attestation is checked.</p>;
  if (stage.step !== "late") return null;
  return (
    <div class="notice" data-testid="upload-status">
      <p class="problem-title">The receipt is not there yet</p>
      <p>The document was stored and will be checked, but no receipt was written within {ReceiptWaitMs / 1000} seconds.</p>
      <button type="button" onClick={() => onRetry(stage.path)}>Check again</button>
    </div>
  );
}

function asApiError(e: unknown): ApiError {
  return e instanceof ApiError ? e : new ApiError(0, "Something went wrong", String(e), []);
}
