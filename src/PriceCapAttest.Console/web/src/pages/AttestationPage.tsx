import { getJson } from "../api/client";
import type { Attestation, Cap, RegimeResult, Schedule } from "../api/types";
import { useApi } from "../api/useApi";
import { Link } from "../components/Link";
import { Loading, ProblemMessage } from "../components/Messages";
import { Page } from "../components/Page";
import { VerdictBadge } from "../components/VerdictBadge";
import { usd, when } from "../format";
import { href } from "../router";
import type { PageProps } from "../routes";
import { AlertTable, HistoryTable, VersionLinks } from "./AttestationParts";

/** The cap periods of the rules an attestation cites, from the schedule in force on each rule's first day (rule ids end in yyyy-MM-dd). */
async function capsOf(regimes: RegimeResult[]): Promise<Map<string, Cap>> {
  const days = new Set(regimes.map((r) => /(\d{4}-\d{2}-\d{2})$/.exec(r.ruleId ?? "")?.[1]).filter((d): d is string => d !== undefined));
  const caps = new Map<string, Cap>();
  for (const day of days) {
    const schedule = await getJson<Schedule>("schedule", { asOf: day }).catch(() => null);
    for (const cap of schedule?.caps ?? []) if (cap.ruleId) caps.set(cap.ruleId, cap);
  }
  return caps;
}

/** /console/attestations/{shipperId}/{attestationId}: the verdict explained per regime, versions, re-screening history, alerts. */
export function AttestationPage({ params, query }: PageProps) {
  const { shipperId, attestationId } = params as { shipperId: string; attestationId: string };
  const version = query.get("version");
  const loaded = useApi(
    async () => {
      const answer = await getJson<Attestation>(`attestations/${encodeURIComponent(shipperId)}/${encodeURIComponent(attestationId)}`, { version });
      return { answer, caps: await capsOf(answer.regimes) };
    },
    [shipperId, attestationId, version],
    `attestation ${attestationId}`,
  );

  return (
    <Page title={`Attestation ${attestationId}`}>
      {loaded.state === "loading" && <Loading what="the attestation" />}
      {loaded.state === "failed" && (
        <ProblemMessage
          error={loaded.error}
          notFound={`No attestation ${attestationId} of shipper ${shipperId} that your party may see is recorded${version ? ` at version ${version}` : ""}.`}
        />
      )}
      {loaded.state === "done" && <Details a={loaded.data.answer} caps={loaded.data.caps} />}
    </Page>
  );
}

function Details({ a, caps }: { a: Attestation; caps: Map<string, Cap> }) {
  return (
    <>
      <p class="verdict-line">
        Overall verdict: <VerdictBadge verdict={a.verdict} />
      </p>
      <dl class="facts">
        <dt>Shipper</dt>
        <dd>{a.shipperId}</dd>
        <dt>Vessel</dt>
        <dd>{a.imo ? <Link href={href("vessels", a.imo)}>IMO {a.imo}</Link> : "not named"}</dd>
        <dt>Version</dt>
        <dd>
          {a.version} of {a.versions} <VersionLinks a={a} />
        </dd>
        <dt>Received</dt>
        <dd>{when(a.receivedAt)}</dd>
        <dt>Cap schedule</dt>
        <dd>{a.scheduleVersion ?? "—"}</dd>
        <dt>Evaluation</dt>
        <dd>
          {a.evaluation.number} ({a.evaluation.cause === "rescreen" ? `re-screening run ${a.evaluation.rescreenRunId}` : "at upload"}
          {a.evaluation.evaluatedAt ? `, ${when(a.evaluation.evaluatedAt)}` : ""})
        </dd>
        <dt>Document</dt>
        <dd>
          <code>{a.blobPath}</code> (item {a.index + 1}), SHA-256 <code>{a.sha256}</code>
        </dd>
      </dl>
      {a.reasons.length > 0 && <Reasons title="Reasons" items={a.reasons} />}
      {a.flags.length > 0 && <Reasons title="Flags" items={a.flags} />}
      {a.errors.length > 0 && (
        <>
          <h2>Errors</h2>
          <ul>
            {a.errors.map((e) => (
              <li key={`${e.field}-${e.code}`}>
                <code>{e.field}</code>: {e.message} ({e.code})
              </li>
            ))}
          </ul>
        </>
      )}
      <h2>Per regime</h2>
      {a.regimes.length === 0 ? <p>No regime was checked.</p> : a.regimes.map((r) => <RegimeCard key={r.regime} r={r} cap={r.ruleId ? caps.get(r.ruleId) : undefined} />)}
      <HistoryTable a={a} />
      <AlertTable a={a} />
    </>
  );
}

function RegimeCard({ r, cap }: { r: RegimeResult; cap: Cap | undefined }) {
  return (
    <section class="regime-card" aria-labelledby={`regime-${r.regime}`} data-regime={r.regime}>
      <h3 id={`regime-${r.regime}`}>
        {r.regime} <VerdictBadge verdict={r.verdict} />
      </h3>
      <dl class="facts">
        <dt>Price</dt>
        <dd data-field="price">{usd(r.priceUsdPerBbl)} per barrel (FOB equivalent)</dd>
        <dt>Cap</dt>
        <dd data-field="cap">{usd(r.capUsdPerBbl)} per barrel</dd>
        <dt>Rule</dt>
        <dd data-field="rule">{r.ruleId ?? "—"}</dd>
        <dt>Source</dt>
        <dd data-field="source">
          {cap?.instrument ?? (r.ruleId ? "not in the schedule in force" : "—")}
          {cap?.source && <> (<code>{cap.source}</code>)</>}
        </dd>
        <dt>Reasons</dt>
        <dd>{r.reasons.length ? r.reasons.join(", ") : "—"}</dd>
      </dl>
    </section>
  );
}

function Reasons({ title, items }: { title: string; items: string[] }) {
  return (
    <>
      <h2>{title}</h2>
      <ul class="badges">
        {items.map((i) => (
          <li key={i}>
            <code>{i}</code>
          </li>
        ))}
      </ul>
    </>
  );
}
