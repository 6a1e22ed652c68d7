import { useState } from "preact/hooks";
import { Page } from "../components/Page";

/** The local sign-in form: the principal's API key (a password field), kept for this browser session only. */
export function KeySignIn(props: { error: string | null; busy: boolean; onSignIn: (key: string) => void }) {
  const [key, setKey] = useState("");
  const submit = (event: Event) => {
    event.preventDefault();
    if (key.trim() !== "") props.onSignIn(key.trim());
  };
  return (
    <Page title="Sign in" lead="Sign in with the API key of your party (shipper, insurer, regulator or operator). The key is kept in this browser tab only, until you sign out or close it.">
      <form class="sign-in" onSubmit={submit} data-testid="sign-in">
        <label for="api-key">API key</label>
        <input
          id="api-key"
          name="api-key"
          type="password"
          autocomplete="current-password"
          required
          value={key}
          onInput={(e) => setKey((e.target as HTMLInputElement).value)}
          aria-invalid={props.error ? "true" : undefined}
          aria-describedby={props.error ? "sign-in-error" : undefined}
        />
        {props.error && (
          <p id="sign-in-error" class="field-error" role="alert">
            {props.error}
          </p>
        )}
        <button type="submit" disabled={props.busy}>
          {props.busy ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </Page>
  );
}

/** Entra ID sign-in: one button to the organisation's sign-in page. */
export function EntraSignIn(props: { error: string | null; onSignIn: () => void }) {
  return (
    <Page title="Sign in" lead="Sign in with your organisation's account (Microsoft Entra ID).">
      {props.error && <p class="field-error" role="alert">{props.error}</p>}
      <button type="button" onClick={props.onSignIn} data-testid="sign-in">
        Sign in with Microsoft
      </button>
    </Page>
  );
}
