import type { Verdict } from "../api/types";

const words: Record<Verdict, string> = {
  Exempt: "Exempt",
  Compliant: "Compliant",
  NeedsReview: "Needs review",
  Violation: "Violation",
  Rejected: "Rejected",
};

/** A verdict as text and colour (never colour alone); with a regime, "EU: Violation". */
export function VerdictBadge(props: { verdict: Verdict; regime?: string }) {
  return (
    <span class={`badge badge-${props.verdict.toLowerCase()}`} data-verdict={props.verdict} data-regime={props.regime}>
      {props.regime ? <><span class="badge-regime">{props.regime}</span>: </> : null}
      {words[props.verdict] ?? props.verdict}
    </span>
  );
}

/** The verdict of each regime as a list of badges. */
export function RegimeBadges(props: { regimes: readonly { regime: string; verdict: Verdict }[] }) {
  return (
    <ul class="badges">
      {props.regimes.map((r) => <li key={r.regime}><VerdictBadge verdict={r.verdict} regime={r.regime} /></li>)}
    </ul>
  );
}
