import { useState } from "preact/hooks";
import { getJson } from "../api/client";
import type { Paged, VesselAttestation } from "../api/types";
import { useApi } from "../api/useApi";
import { Link } from "../components/Link";
import { Loading, NothingToShow, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { LoadingDateFields } from "../components/LoadingDateFields";
import { Pager, useContinuationPages } from "../components/Pager";
import { Table } from "../components/Table";
import { RegimeBadges, VerdictBadge } from "../components/VerdictBadge";
import { when } from "../format";
import { imoProblem } from "../imo";
import { href, navigate, withQuery } from "../router";
import type { PageProps } from "../routes";

const PageSize = 50;

/** /console/vessels/{imo}: the vessel's attestations (GET /api/vessels/{imo}/attestations), filtered by loading date, 50 a page. */
export function VesselPage({ params, query }: PageProps) {
  const imo = params.imo!;
  const from = query.get("from") ?? "";
  const to = query.get("to") ?? "";
  const invalid = imoProblem(imo);
  const pages = useContinuationPages();
  const list = useApi(
    () => (invalid ? Promise.resolve(null) : getJson<Paged<VesselAttestation>>(`vessels/${encodeURIComponent(imo)}/attestations`, {
      from, to, pageSize: PageSize, continuationToken: pages.token,
    })),
    [imo, from, to, pages.token, pages.page],
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
                  page={pages.page}
                  hasNext={list.data.continuationToken !== null}
                  onPrevious={pages.previous}
                  onNext={() => pages.next(list.data!.continuationToken)}
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
    navigate(withQuery(href("vessels", props.imo), { from, to }));
  };
  return (
    <form class="filters" onSubmit={apply} aria-label="Filter by loading date">
      <LoadingDateFields from={from} to={to} onFrom={setFrom} onTo={setTo} />
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
              <RegimeBadges regimes={item.regimes} />
            </td>
            <td>{item.shipperId}</td>
            <td>{when(item.receivedAt)}</td>
          </tr>
        ))}
      </tbody>
    </Table>
  );
}
