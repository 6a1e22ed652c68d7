import { useEffect, useState } from "preact/hooks";
import { ApiError, getJson, putJson } from "../api/client";
import type { Fleet } from "../api/types";
import { useApi } from "../api/useApi";
import { Link } from "../components/Link";
import { announce } from "../components/LiveRegion";
import { Loading, NothingToShow, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { Pager, pageOf } from "../components/Pager";
import { imoDigits, imoProblem } from "../imo";
import { href } from "../router";
import type { PageProps } from "../routes";

/** /console/fleet: the insurer's IMO list (GET /api/fleet); add and remove, then save (PUT /api/fleet). */
export function FleetPage(_: PageProps) {
  const loaded = useApi(() => getJson<Fleet>("fleet"), [], "your fleet");
  return (
    <Page title="Your fleet" lead="The vessels you cover: you may read the attestations of these vessels only.">
      {loaded.state === "loading" && <Loading what="your fleet" />}
      {loaded.state === "failed" && <ProblemMessage error={loaded.error} />}
      {loaded.state === "done" && <FleetEditor fleet={loaded.data} />}
    </Page>
  );
}

function FleetEditor({ fleet }: { fleet: Fleet }) {
  const [imos, setImos] = useState<string[]>(fleet.imos);
  const [saved, setSaved] = useState<Fleet>(fleet);
  const [entry, setEntry] = useState("");
  const [entryError, setEntryError] = useState<string | null>(null);
  const [saveError, setSaveError] = useState<ApiError | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const changed = imos.join() !== saved.imos.join();
  const pages = Math.max(1, Math.ceil(imos.length / 50));
  useEffect(() => setPage((p) => Math.min(p, pages)), [pages]);

  const add = (event: Event) => {
    event.preventDefault();
    const why = imoProblem(entry) ?? (imos.includes(imoDigits(entry)) ? `${imoDigits(entry)} is in the fleet already.` : null);
    setEntryError(why);
    if (why !== null) return;
    setImos([...imos, imoDigits(entry)].sort());
    setEntry("");
    setStatus(null);
    announce(`${imoDigits(entry)} added; save to keep it.`);
  };

  const save = async () => {
    setSaveError(null);
    try {
      const answer = await putJson<Fleet>("fleet", { imos });
      setSaved(answer);
      setImos(answer.imos);
      setStatus(`Fleet saved: ${answer.imos.length} vessel${answer.imos.length === 1 ? "" : "s"} (revision ${answer.revision}).`);
      announce("Fleet saved.");
    } catch (e) {
      setSaveError(e instanceof ApiError ? e : new ApiError(0, "Saving failed", String(e), []));
    }
  };

  return (
    <>
      <form class="filters" onSubmit={add} aria-label="Add a vessel">
        <div class="field">
          <label for="imo">IMO number</label>
          <input
            id="imo"
            inputMode="numeric"
            value={entry}
            onInput={(e) => setEntry((e.target as HTMLInputElement).value)}
            aria-invalid={entryError ? "true" : undefined}
            aria-describedby={entryError ? "imo-error" : undefined}
          />
        </div>
        <button type="submit">Add</button>
        {entryError && <p id="imo-error" class="field-error" role="alert">{entryError}</p>}
      </form>
      {imos.length === 0 ? (
        <NothingToShow>Your fleet is empty: add the IMO numbers of the vessels you cover, then save.</NothingToShow>
      ) : (
        <>
          <h2>Vessels ({imos.length})</h2>
          <ul class="fleet-list" data-testid="fleet">
            {pageOf(imos, page).map((imo) => (
              <li key={imo} data-imo={imo}>
                <Link href={href("vessels", imo)}>IMO {imo}</Link>
                <button type="button" class="secondary" aria-label={`Remove ${imo}`} onClick={() => { setImos(imos.filter((i) => i !== imo)); setStatus(null); }}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
          <Pager label="vessels" page={page} hasNext={page < pages} onPrevious={() => setPage(page - 1)} onNext={() => setPage(page + 1)} />
        </>
      )}
      <p>
        <button type="button" onClick={() => void save()} disabled={!changed}>Save fleet</button>{" "}
        {changed ? <span>Unsaved changes.</span> : saved.updatedAt && <span class="muted">Revision {saved.revision}.</span>}
      </p>
      {status && <p class="saved" data-testid="fleet-saved">{status}</p>}
      {saveError && <ProblemMessage error={saveError} />}
    </>
  );
}
