import { useState } from "preact/hooks";
import { getJson } from "../api/client";
import type { Cap, ScheduleAnswer } from "../api/types";
import { useApi } from "../api/useApi";
import { Loading, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { Table } from "../components/Table";
import { usd, when } from "../format";
import { href, navigate, withQuery } from "../router";
import type { PageProps } from "../routes";
import { ProposedSchedule } from "./ProposedSchedule";

/** /console/schedule?asOf=yyyy-MM-dd: the caps in force (GET /api/schedule), their sources and warnings; operators try a proposed schedule. */
export function SchedulePage({ query, me }: PageProps) {
  const asOf = query.get("asOf") ?? "";
  const loaded = useApi(() => getJson<ScheduleAnswer>("schedule", { asOf }), [asOf], "the cap schedule");
  return (
    <Page title="Cap schedule" lead="The price caps in force on a loading date, per regime and product, with the legal source of each.">
      <AsOfFilter key={asOf} asOf={asOf} />
      {loaded.state === "loading" && <Loading what="the cap schedule" />}
      {loaded.state === "failed" && <ProblemMessage error={loaded.error} />}
      {loaded.state === "done" && <InForce s={loaded.data} />}
      {me.role === "Operator" && <ProposedSchedule />}
    </Page>
  );
}

function AsOfFilter(props: { asOf: string }) {
  const [asOf, setAsOf] = useState(props.asOf);
  const apply = (event: Event) => {
    event.preventDefault();
    navigate(withQuery(href("schedule"), { asOf }));
  };
  return (
    <form class="filters" onSubmit={apply} aria-label="Choose the loading date">
      <div class="field">
        <label for="as-of">Caps in force on</label>
        <input id="as-of" name="asOf" type="date" value={asOf} aria-describedby="as-of-hint" onInput={(e) => setAsOf((e.target as HTMLInputElement).value)} />
      </div>
      <button type="submit">Show</button>
      <p id="as-of-hint" class="muted field-hint">A loading date; today (UTC) when empty.</p>
    </form>
  );
}

function InForce({ s }: { s: ScheduleAnswer }) {
  const aged = new Set(s.warnings.map((w) => `${w.regime}/${w.category}`));
  const refused = s.status.lastError;
  return (
    <>
      <dl class="facts">
        <dt>Loading date</dt>
        <dd data-testid="as-of">{s.asOf}</dd>
        <dt>Schedule</dt>
        <dd data-testid="schedule-version">{s.scheduleVersion}</dd>
        <dt>From</dt>
        <dd>
          {s.status.source === "blob" ? <>the published blob <code>{s.status.blobPath}</code></> : `the ${s.status.source} schedule`}
          {s.status.loadedAt && `, loaded ${when(s.status.loadedAt)}`}
          {s.status.lastCheckedAt && `, checked ${when(s.status.lastCheckedAt)}`}
        </dd>
      </dl>
      {(s.warnings.length > 0 || refused) && (
        <div class="warning" data-testid="schedule-warnings">
          {s.warnings.length > 0 && (
            <>
              <h2>The schedule is stale: {s.warnings.length} cap{s.warnings.length === 1 ? " is" : "s are"} past review</h2>
              <p>
                These caps were known to hold until a review date that has passed with no later period. Cargo loaded from
                that date meets an unconfirmed cap: verdicts against it need review.
              </p>
              <ul>
                {s.warnings.map((w) => (
                  <li key={`${w.regime}/${w.category}`} data-warning={w.ruleId}>
                    <strong>{w.regime} {w.category}</strong>, review {w.reviewDate}: {w.message}
                  </li>
                ))}
              </ul>
            </>
          )}
          {refused && (
            <>
              <h2>A published schedule was refused</h2>
              <p>On {when(refused.at)} the schedule blob{refused.blobETag ? ` (ETag ${refused.blobETag})` : ""} was refused; the one above stays in force.</p>
              <ul>{refused.problems.map((p) => <li key={p}>{p}</li>)}</ul>
            </>
          )}
        </div>
      )}
      <CapTable caps={s.caps} asOf={s.asOf} aged={aged} />
    </>
  );
}

function CapTable(props: { caps: Cap[]; asOf: string; aged: Set<string> }) {
  return (
    <Table caption={`The caps of ${props.asOf} per regime and product (US dollars per barrel, FOB)`} testId="caps">
      <thead>
        <tr>
          <th scope="col">Regime</th>
          <th scope="col">Product</th>
          <th scope="col" class="number">Cap</th>
          <th scope="col">Since</th>
          <th scope="col">Known until</th>
          <th scope="col">Legal source</th>
        </tr>
      </thead>
      <tbody>
        {props.caps.map((c) => {
          const aged = props.aged.has(`${c.regime}/${c.category}`) || c.status === "pastReview";
          return (
            <tr key={`${c.regime}/${c.category}`} data-regime={c.regime} data-category={c.category} data-rule={c.ruleId ?? ""}>
              <th scope="row">{c.regime}</th>
              <td>{c.category}</td>
              <td class="number">{c.capUsdPerBbl === null ? "none in force" : `${usd(c.capUsdPerBbl)} / bbl`}</td>
              <td class="date">{c.from ?? "—"}{c.to && <div class="muted">until {c.to}</div>}</td>
              <td class="date">
                {c.knownUntil ?? "—"}
                {aged && <> <span class="badge badge-needsreview" data-testid="past-review">Past review</span></>}
                {c.status === "unconfirmed" && <> <span class="badge badge-exempt">Unconfirmed</span></>}
              </td>
              <td class="source">
                {c.instrument ?? (c.ruleId ? "—" : "No cap in force")}
                {c.ruleId && <div class="muted"><code>{c.ruleId}</code></div>}
                {(c.source || c.note) && <SourceDetails text={c.source ?? ""} note={c.note} />}
              </td>
            </tr>
          );
        })}
      </tbody>
    </Table>
  );
}

const Url = /(https?:\/\/[^\s)]+)/g;

/** The source text, its web addresses as links named by their site (the full address is the target). */
function SourceDetails({ text, note }: { text: string; note: string | null }) {
  const parts = text.split(Url);
  return (
    <details>
      <summary>Source</summary>
      <p>
        {parts.map((part, i) => {
          if (i % 2 === 0) return part;
          const address = part.replace(/[.,;:]+$/, "");
          let site = address;
          try {
            site = new URL(address).hostname.replace(/^www\./, "");
          } catch {
            // Not a URL after all: the text as it is.
          }
          return (
            <span key={i}>
              <a href={address} rel="noreferrer">{site}</a>
              {part.slice(address.length)}
            </span>
          );
        })}
      </p>
      {note && <p class="muted">Note: {note}</p>}
    </details>
  );
}
