import { useState } from "preact/hooks";
import { ApiError, apiFetch, getJson } from "../api/client";
import type { Paged, Violation } from "../api/types";
import { useApi } from "../api/useApi";
import { Link } from "../components/Link";
import { announce } from "../components/LiveRegion";
import { Loading, NothingToShow, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { LoadingDateFields } from "../components/LoadingDateFields";
import { Pager, useContinuationPages } from "../components/Pager";
import { Table } from "../components/Table";
import { saveBlob, today } from "../download";
import { usd } from "../format";
import { href, navigate, withQuery } from "../router";
import type { PageProps } from "../routes";
import { ViolationsChart } from "./ViolationsChart";

/** The coalition regimes the API knows (GET /api/violations?regime=). */
export const Regimes = ["US", "EU", "GB", "CA", "JP", "AU", "NZ", "CH", "NO"] as const;
const PageSize = 50;

/**
 * /console/violations?regime=EU&from=&to=: the violations of a regime (GET /api/violations), 50 a page, a chart per
 * month and a CSV download. A regulator's regime is its party (locked); an operator chooses any.
 */
export function ViolationsPage({ query, me }: PageProps) {
  const regulator = me.role === "Regulator";
  const regime = (query.get("regime") ?? (regulator ? me.partyId : "")).trim().toUpperCase();
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  return (
    <Page
      title="Violations"
      lead={regulator
        ? `The attestations that violate the ${me.partyId} price cap, by loading date.`
        : "The attestations that violate a regime's price cap, by loading date."}
    >
      <Filters key={`${regime}|${from}|${to}`} regime={regime} from={from} to={to} locked={regulator ? me.partyId : null} />
      {regime === "" ? (
        <NothingToShow>Choose a regime, then Filter, to see its violations.</NothingToShow>
      ) : (
        <Results key={`${regime}|${from}|${to}`} regime={regime} from={from} to={to} own={regulator ? me.partyId : null} />
      )}
    </Page>
  );
}

function Filters(props: { regime: string; from: string; to: string; locked: string | null }) {
  const [regime, setRegime] = useState(props.locked ?? props.regime);
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const apply = (event: Event) => {
    event.preventDefault();
    navigate(withQuery(href("violations"), { regime, from, to }));
  };
  return (
    <form class="filters" onSubmit={apply} aria-label="Filter the violations">
      <div class="field">
        <label for="regime">Regime</label>
        <select
          id="regime"
          name="regime"
          value={regime}
          disabled={props.locked !== null}
          aria-describedby={props.locked !== null ? "regime-locked" : undefined}
          onChange={(e) => setRegime((e.target as HTMLSelectElement).value)}
        >
          {props.locked === null && <option value="">Choose a regime</option>}
          {(props.locked !== null ? [props.locked] : Regimes).map((r) => <option key={r} value={r}>{r}</option>)}
        </select>
      </div>
      <LoadingDateFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
      <button type="submit">Filter</button>
      {props.locked !== null && (
        <p id="regime-locked" class="muted field-hint">As the regulator of {props.locked} you see the violations of {props.locked} only.</p>
      )}
    </form>
  );
}

function Results(props: { regime: string; from: string; to: string; own: string | null }) {
  const { regime, from, to, own } = props;
  const pages = useContinuationPages();
  const list = useApi(
    () => getJson<Paged<Violation>>("violations", { regime, from, to, pageSize: PageSize, continuationToken: pages.token }),
    [pages.token, pages.page],
    `the violations of ${regime}`,
  );
  const dates = from || to ? " for these loading dates" : "";

  if (list.state === "failed") {
    return (
      <>
        <ProblemMessage
          error={list.error}
          forbidden={own !== null
            ? `You are the regulator of ${own}: you may see the violations of ${own} only, not those of ${regime}.`
            : undefined}
        />
        {list.error.status === 403 && own !== null && (
          <p><Link href={withQuery(href("violations"), { regime: own })}>See the violations of {own}</Link></p>
        )}
      </>
    );
  }
  return (
    <>
      <Download regime={regime} from={from} to={to} />
      <ViolationsChart regime={regime} from={from} to={to} />
      {list.state === "loading" && <Loading what="violations" />}
      {list.state === "done" && (list.data.items.length === 0 && pages.page === 1 ? (
        <NothingToShow>No violation of {regime} is recorded{dates}.</NothingToShow>
      ) : (
        <>
          <h2>Attestations</h2>
          <ViolationTable items={list.data.items} regime={regime} />
          <Pager
            label="violations"
            page={pages.page}
            hasNext={list.data.continuationToken !== null}
            onPrevious={pages.previous}
            onNext={() => pages.next(list.data.continuationToken)}
          />
        </>
      ))}
    </>
  );
}

/** "Download CSV": GET /api/violations with Accept: text/csv and the signed-in credentials (headers, never the URL), saved as a file. */
function Download(props: { regime: string; from: string; to: string }) {
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const save = async () => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      const response = await apiFetch("violations", { query: { regime: props.regime, from: props.from, to: props.to }, accept: "text/csv" });
      const cut = response.headers.get("x-continuation-token") !== null;
      const name = `violations-${props.regime}-${today()}.csv`;
      saveBlob(await response.blob(), name);
      const text = `Saved ${name}.${cut ? " The export holds the first 10,000 violations only: narrow the loading dates for the rest." : ""}`;
      setStatus(text);
      announce(text);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, "The download failed", String(e), []));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="actions">
      <button type="button" class="secondary" onClick={() => void save()} disabled={busy}>
        {busy ? "Downloading…" : "Download CSV"}
      </button>
      {status && <p class="saved" data-testid="download-status">{status}</p>}
      {error && <ProblemMessage error={error} />}
    </div>
  );
}

function ViolationTable(props: { items: Violation[]; regime: string }) {
  return (
    <Table caption={`Violations of ${props.regime}`} testId="violations">
      <thead>
        <tr>
          <th scope="col">Loading date</th>
          <th scope="col">Attestation</th>
          <th scope="col">Vessel</th>
          <th scope="col" class="number">Price</th>
          <th scope="col" class="number">Cap</th>
          <th scope="col">Reasons</th>
          <th scope="col">Shipper</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((v) => (
          <tr key={`${v.shipperId}/${v.attestationId}/${v.version}`} data-attestation={v.attestationId}>
            <td>{v.loadingDate}</td>
            <td>
              <Link href={`${href("attestations", v.shipperId, v.attestationId)}?version=${v.version}`}>{v.attestationId}</Link>
              {v.version > 1 && <span class="muted"> (version {v.version})</span>}
            </td>
            <td>{v.imo ? `IMO ${v.imo}` : "—"}{v.vesselName && <span class="muted"> {v.vesselName}</span>}</td>
            <td class="number">{usd(v.priceUsdPerBbl)}</td>
            <td class="number">{usd(v.capUsdPerBbl)}</td>
            <td>{v.reasons.length ? v.reasons.map((r) => <code key={r}>{r} </code>) : "—"}</td>
            <td>{v.shipperId}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
