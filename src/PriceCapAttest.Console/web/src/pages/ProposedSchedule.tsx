import { useState } from "preact/hooks";
import { ApiError, postBody } from "../api/client";
import type { DryRunReport, Verdict } from "../api/types";
import { Link } from "../components/Link";
import { announce } from "../components/LiveRegion";
import { ProblemMessage } from "../components/Messages";
import { Pager, pageOf } from "../components/Pager";
import { Table } from "../components/Table";
import { VerdictBadge } from "../components/VerdictBadge";
import { href } from "../router";

/** Operators: a proposed schedule (file or pasted JSON) sent to POST /api/rescreens/dry-run; the cap changes and the verdicts that would change. */
export function ProposedSchedule() {
  const [text, setText] = useState("");
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<ApiError | null>(null);
  const [report, setReport] = useState<DryRunReport | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (event: Event) => {
    const file = (event.target as HTMLInputElement).files?.[0];
    if (!file) return;
    setText(await file.text());
    setProblems([]);
    announce(`${file.name} read into the schedule field.`);
  };

  const check = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setReport(null);
    if (!text.trim()) {
      setProblems(["Choose a schedule file or paste its JSON."]);
      return;
    }
    setProblems([]);
    setBusy(true);
    announce("Checking what the proposed schedule would change…");
    try {
      const answer = await postBody<DryRunReport>("rescreens/dry-run", text, "application/json");
      setReport(answer);
      announce(`${answer.changed} attestation${answer.changed === 1 ? "" : "s"} would change.`);
    } catch (e) {
      const failure = e instanceof ApiError ? e : new ApiError(0, "The check failed", String(e), []);
      // The dry run names the body for every problem of the schedule: they belong at the schedule field.
      if (failure.status === 400 && failure.errors.length > 0) {
        setProblems([failure.detail ?? failure.title, ...failure.errors.map((f) => f.message)]);
        announce(failure.title);
      } else {
        setError(failure);
      }
    } finally {
      setBusy(false);
    }
  };

  const invalid = problems.length > 0;
  return (
    <section aria-labelledby="proposed-heading" class="proposed" data-testid="proposed-schedule">
      <h2 id="proposed-heading">Proposed schedule</h2>
      <p>
        Check what publishing a cap schedule (the format of <code>config/cap-schedule.json</code>) would change before
        publishing it. Nothing is written.
      </p>
      <form onSubmit={(e) => void check(e)} aria-labelledby="proposed-heading" class="stack">
        <div class="field">
          <label for="schedule-file">Schedule file (JSON)</label>
          <input id="schedule-file" type="file" accept=".json,application/json" onChange={(e) => void choose(e)} />
        </div>
        <div class="field">
          <label for="schedule-json">Schedule JSON</label>
          <textarea
            id="schedule-json"
            rows={8}
            spellcheck={false}
            value={text}
            aria-invalid={invalid ? "true" : undefined}
            aria-describedby={invalid ? "schedule-hint schedule-errors" : "schedule-hint"}
            onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          />
          <p id="schedule-hint" class="muted field-hint">Choose a file above, or paste the schedule here.</p>
          {invalid && (
            <div id="schedule-errors" class="field-error" role="alert" data-testid="schedule-errors">
              <ul>{problems.map((p, i) => <li key={i}>{p}</li>)}</ul>
            </div>
          )}
        </div>
        <div>
          <button type="submit" disabled={busy}>{busy ? "Checking…" : "Check what would change"}</button>
        </div>
      </form>
      {error && <ProblemMessage error={error} />}
      {report && <DryRun r={report} />}
    </section>
  );
}

function Change(props: { from: Verdict | null; to: Verdict | null; regime?: string }) {
  return (
    <span class="change">
      {props.regime && <strong>{props.regime}: </strong>}
      {props.from ? <VerdictBadge verdict={props.from} /> : <span>not engaged</span>}
      <span aria-hidden="true"> → </span>
      <span class="visually-hidden"> becomes </span>
      {props.to ? <VerdictBadge verdict={props.to} /> : <span>not engaged</span>}
    </span>
  );
}

function DryRun({ r }: { r: DryRunReport }) {
  const [page, setPage] = useState(1);
  const pages = Math.max(1, Math.ceil(r.attestations.length / 50));
  return (
    <div class="dry-run" data-testid="dry-run">
      <h3>Changes to the caps</h3>
      <p>
        Proposed schedule <strong>{r.proposedVersion}</strong> against <strong>{r.inForceVersion}</strong> in force
        (SHA-256 <code>{r.proposedSha256}</code>).
      </p>
      {r.changes.length === 0 ? <p>No cap, transition or licence changes.</p> : (
        <ul data-testid="cap-changes">{r.changes.map((c) => <li key={c}>{c}</li>)}</ul>
      )}
      <h3>Re-screening impact</h3>
      <p data-testid="impact">
        <strong>{r.changed}</strong> attestation{r.changed === 1 ? "" : "s"} would change of {r.examined} examined
        ({r.unchanged} unchanged{r.unavailable > 0 ? `, ${r.unavailable} unavailable` : ""}) over {r.months} month{r.months === 1 ? "" : "s"} of loading dates.
      </p>
      {r.counts.length > 0 && (
        <Table caption="Verdict changes per regime" testId="dry-run-counts">
          <thead>
            <tr><th scope="col">Regime</th><th scope="col">Before → after</th><th scope="col" class="number">Attestations</th></tr>
          </thead>
          <tbody>
            {r.counts.map((c) => (
              <tr key={`${c.regime}/${c.from}/${c.to}`}>
                <th scope="row">{c.regime}</th>
                <td><Change from={c.from} to={c.to} /></td>
                <td class="number">{c.count}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {r.attestations.length > 0 && (
        <>
          <Table caption={`Attestations that would change (${r.attestations.length})`} testId="dry-run-attestations">
            <thead>
              <tr>
                <th scope="col">Attestation</th>
                <th scope="col">Loading date</th>
                <th scope="col">Verdict before → after</th>
                <th scope="col">Per regime</th>
              </tr>
            </thead>
            <tbody>
              {pageOf(r.attestations, page).map((a) => (
                <tr key={`${a.shipperId}/${a.attestationId}/${a.version}`} data-attestation={a.attestationId}>
                  <td>
                    <Link href={href("attestations", a.shipperId, a.attestationId)}>{a.attestationId}</Link>
                    <span class="muted"> ({a.shipperId}, version {a.version})</span>
                  </td>
                  <td>{a.loadingDate}</td>
                  <td><Change from={a.from} to={a.to} /></td>
                  <td>
                    <ul class="badges">
                      {a.regimes.map((g) => <li key={g.regime}><Change from={g.from} to={g.to} regime={g.regime} /></li>)}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </Table>
          <Pager label="attestations that would change" page={page} hasNext={page < pages} onPrevious={() => setPage(page - 1)} onNext={() => setPage(page + 1)} />
        </>
      )}
    </div>
  );
}
