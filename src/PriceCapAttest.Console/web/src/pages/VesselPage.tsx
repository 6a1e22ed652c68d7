import { useState } from "preact/hooks";
import { getJson } from "../api/client";
import type { Paged, VesselAttestation } from "../api/types";
import { useApi } from "../api/useApi";
import { Link } from "../components/Link";
import { Loading, NothingToShow, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { Pager } from "../components/Pager";
import { Table } from "../components/Table";
import { VerdictBadge } from "../components/VerdictBadge";
import { when } from "../format";
import { imoProblem } from "../imo";
import { href, navigate } from "../router";
import type { PageProps } from "../routes";

const PageSize = 50;

/** /console/vessels/{imo}: the vessel's attestations (GET /api/vessels/{imo}/attestations), filtered by loading date, 50 a page. */
export function VesselPage({ params, query }: PageProps) {
  const imo = params.imo!;
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const invalid = imoProblem(imo);
  // Tokens of the pages seen so far: tokens[n] asks for page n + 1 (the first page has none).
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  const page = tokens.length;
  const list = useApi(
    () => (invalid ? Promise.resolve(null) : getJson<Paged<VesselAttestation>>(`vessels/${encodeURIComponent(imo)}/attestations`, {
      from, to, pageSize: PageSize, continuationToken: tokens[tokens.length - 1],
    })),
    [imo, from, to, tokens],
    `the attestations of vessel ${imo}`,
  );

  return (
    <Page title={`Vessel ${imo}`} lead="The attestations of this vessel by loading date, with the verdict of each regime.">
      {invalid ? (
        <NothingToShow>{imo} is not an IMO number. {invalid}</NothingToShow>
      ) : (
        <>
          <DateFilter from={from} to={to} imo={imo} />
          {list.state === "loading" && <Loading what="attestations" />}
          {list.state === "failed" && (
            <ProblemMessage
              error={list.error}
              forbidden={`Vessel ${imo} is not in your fleet, so you may not see its attestations. Add it on the Fleet page first.`}
            />
          )}
          {list.state === "done" && list.data && (
            list.data.items.length === 0 ? (
              <NothingToShow>
                No attestation of vessel {imo} is recorded{from || to ? " for these loading dates" : ""}.
              </NothingToShow>
            ) : (
              <>
                <AttestationTable items={list.data.items} imo={imo} />
                <Pager
                  label="attestations"
                  page={page}
                  hasNext={list.data.continuationToken !== null}
                  onPrevious={() => setTokens((t) => t.slice(0, -1))}
                  onNext={() => setTokens((t) => [...t, list.state === "done" ? list.data!.continuationToken : null])}
                />
              </>
            )
          )}
        </>
      )}
    </Page>
  );
}

function DateFilter(props: { from: string; to: string; imo: string }) {
  const [from, setFrom] = useState(props.from);
  const [to, setTo] = useState(props.to);
  const apply = (event: Event) => {
    event.preventDefault();
    const search = new URLSearchParams();
    if (from) search.set("from", from);
    if (to) search.set("to", to);
    const q = search.toString();
    navigate(href("vessels", props.imo) + (q ? `?${q}` : ""));
  };
  return (
    <form class="filters" onSubmit={apply} aria-label="Filter by loading date">
      <div class="field">
        <label for="from">Loaded from</label>
        <input id="from" name="from" type="date" value={from} onInput={(e) => setFrom((e.target as HTMLInputElement).value)} />
      </div>
      <div class="field">
        <label for="to">Loaded until</label>
        <input id="to" name="to" type="date" value={to} onInput={(e) => setTo((e.target as HTMLInputElement).value)} />
      </div>
      <button type="submit">Filter</button>
    </form>
  );
}

function AttestationTable(props: { items: VesselAttestation[]; imo: string }) {
  const name = props.items.find((i) => i.vesselName)?.vesselName;
  return (
    <Table caption={`Attestations of vessel ${props.imo}${name ? ` (${name})` : ""}`} testId="vessel-attestations">
      <thead>
        <tr>
          <th scope="col">Loading date</th>
          <th scope="col">Attestation</th>
          <th scope="col">Verdict</th>
          <th scope="col">Per regime</th>
          <th scope="col">Shipper</th>
          <th scope="col">Received</th>
        </tr>
      </thead>
      <tbody>
        {props.items.map((item) => (
          <tr key={`${item.shipperId}/${item.attestationId}`} data-attestation={item.attestationId}>
            <td>{item.loadingDate}</td>
            <td>
              <Link href={href("attestations", item.shipperId, item.attestationId)}>{item.attestationId}</Link>
              {item.versions > 1 && <span class="muted"> (version {item.version} of {item.versions})</span>}
            </td>
            <td><VerdictBadge verdict={item.verdict} /></td>
            <td>
              <ul class="badges">
                {item.regimes.map((r) => (
                  <li key={r.regime}><VerdictBadge verdict={r.verdict} regime={r.regime} /></li>
                ))}
              </ul>
            </td>
            <td>{item.shipperId}</td>
            <td>{when(item.receivedAt)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
