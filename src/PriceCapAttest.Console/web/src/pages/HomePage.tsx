import { Link } from "../components/Link";
import { Page } from "../components/Page";
import type { PageProps } from "../routes";
import { routes } from "../routes";

const help: Record<string, string> = {
  Shipper: "Upload attestations and follow their receipts; read the verdicts of your own attestations.",
  Insurer: "Keep the list of vessels you cover, then read the attestations of those vessels and their verdicts.",
  Regulator: "Read the attestations that engage your regime and the violations of it.",
  Operator: "Read any vessel and attestation, the schedule, the violations of every regime.",
};

/** Who is signed in and the pages of its role. */
export function HomePage({ me }: PageProps) {
  const pages = routes.filter((r) => r.nav && r.roles.includes(me.role));
  return (
    <Page title="Welcome">
      <p data-testid="who-am-i">
        You are signed in as <strong>{me.role.toLowerCase()}</strong> for the party <strong>{me.partyId}</strong>.
      </p>
      <p>{help[me.role]}</p>
      {pages.length > 0 && (
        <>
          <h2>Your pages</h2>
          <ul class="link-list">
            {pages.map((r) => (
              <li key={r.name}>
                <Link href={`/console${r.pattern}`}>{r.nav}</Link>: {r.purpose}
              </li>
            ))}
          </ul>
        </>
      )}
      {(me.role === "Insurer" || me.role === "Operator") && <p>Open a vessel with the IMO search in the header.</p>}
    </Page>
  );
}
