import type { Attestation } from "../api/types";
import { Link } from "../components/Link";
import { Table } from "../components/Table";
import { RegimeBadges, VerdictBadge } from "../components/VerdictBadge";
import { when } from "../format";
import { href } from "../router";

/** Links to the other versions of the attestation (?version=N; the current one without). */
export function VersionLinks({ a }: { a: Attestation }) {
  if (a.versions < 2) return null;
  const base = href("attestations", a.shipperId, a.attestationId ?? "");
  return (
    <span class="versions">
      {" "}
      (versions:{" "}
      {Array.from({ length: a.versions }, (_, i) => i + 1).map((n) => (
        <span key={n}>
          {n === a.version ? <strong aria-current="page">{n}</strong> : <Link href={n === a.currentVersion ? base : `${base}?version=${n}`}>{n}</Link>}{" "}
        </span>
      ))}
      )
    </span>
  );
}

/** Earlier evaluations of this version that re-screening for a new cap schedule replaced. */
export function HistoryTable({ a }: { a: Attestation }) {
  return (
    <>
      <h2>Re-screening history</h2>
      {a.history.length === 0 ? (
        <p>Not re-screened: this is the evaluation made at upload.</p>
      ) : (
        <Table caption="Earlier evaluations, oldest first" testId="history">
          <thead>
            <tr>
              <th scope="col">Evaluation</th>
              <th scope="col">Schedule</th>
              <th scope="col">Verdict</th>
              <th scope="col">Per regime</th>
              <th scope="col">Replaced</th>
            </tr>
          </thead>
          <tbody>
            {a.history.map((h) => (
              <tr key={h.number}>
                <td>{h.number} ({h.cause === "rescreen" ? `run ${h.rescreenRunId}` : "at upload"})</td>
                <td>{h.scheduleVersion ?? "—"}</td>
                <td><VerdictBadge verdict={h.verdict} /></td>
                <td>
                  <RegimeBadges regimes={h.regimes} />
                </td>
                <td>{when(h.replacedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}

/** The signed alerts of this attestation to regulators and their delivery. */
export function AlertTable({ a }: { a: Attestation }) {
  return (
    <>
      <h2>Alert deliveries</h2>
      {a.alerts.length === 0 ? (
        <p>No alert was sent for this attestation.</p>
      ) : (
        <Table caption="Alerts to regulators" testId="alerts">
          <thead>
            <tr>
              <th scope="col">Regime</th>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col">Endpoint</th>
              <th scope="col">Updated</th>
            </tr>
          </thead>
          <tbody>
            {a.alerts.map((d) => (
              <tr key={`${d.alertId}-${d.endpoint ?? ""}`}>
                <td>{d.regime}</td>
                <td>{d.eventType} (version {d.version})</td>
                <td>{d.status}{d.lastError ? `: ${d.lastError}` : ""}</td>
                <td class="number">{d.attempts}</td>
                <td>{d.endpoint ? <code>{d.endpoint}</code> : "—"}</td>
                <td>{when(d.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
    </>
  );
}
