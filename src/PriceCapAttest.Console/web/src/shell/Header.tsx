import { useState } from "preact/hooks";
import type { Me } from "../api/types";
import { Link } from "../components/Link";
import { Product } from "../components/Page";
import { imoDigits, imoProblem } from "../imo";
import { routes } from "../routes";
import { href, navigate } from "../router";

/** Product name, the signed-in party, the pages of its role, the vessel search (insurers, operators) and sign-out. */
export function Header(props: { me: Me | null; path: string; onSignOut: () => void }) {
  const { me } = props;
  return (
    <header class="site-header">
      <div class="bar">
        <Link href="/console/" class="product">{Product} console</Link>
        {me && (
          <div class="who">
            <span data-testid="signed-in-as">
              {me.role} · <strong>{me.partyId}</strong>
            </span>
            <button type="button" class="secondary" onClick={props.onSignOut}>
              Sign out
            </button>
          </div>
        )}
      </div>
      {me && (
        <div class="bar nav-bar">
          <nav aria-label="Pages">
            <ul>
              {routes
                .filter((r) => r.nav && r.roles.includes(me.role))
                .map((r) => {
                  const target = `/console${r.pattern}`;
                  return (
                    <li key={r.name}>
                      <Link href={target} aria-current={props.path === r.pattern ? "page" : undefined}>
                        {r.nav}
                      </Link>
                    </li>
                  );
                })}
            </ul>
          </nav>
          {(me.role === "Insurer" || me.role === "Operator") && <VesselSearch />}
        </div>
      )}
    </header>
  );
}

function VesselSearch() {
  const [imo, setImo] = useState("");
  const [problem, setProblem] = useState<string | null>(null);
  const submit = (event: Event) => {
    event.preventDefault();
    const why = imoProblem(imo);
    setProblem(why);
    if (why === null) navigate(href("vessels", imoDigits(imo)));
  };
  return (
    <form class="vessel-search" role="search" onSubmit={submit}>
      <label for="vessel-search">Vessel IMO</label>
      <input
        id="vessel-search"
        inputMode="numeric"
        value={imo}
        onInput={(e) => setImo((e.target as HTMLInputElement).value)}
        aria-invalid={problem ? "true" : undefined}
        aria-describedby={problem ? "vessel-search-error" : undefined}
      />
      <button type="submit">Open</button>
      {problem && (
        <p id="vessel-search-error" class="field-error" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
