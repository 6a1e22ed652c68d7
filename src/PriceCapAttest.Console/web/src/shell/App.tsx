import { useEffect, useState } from "preact/hooks";
import { ApiError, getJson, useCredentials } from "../api/client";
import type { Me } from "../api/types";
import { loadConfig, type ConsoleConfig } from "../auth/config";
import { keyCredentials, type Credentials } from "../auth/credentials";
import { entraCredentials } from "../auth/entra";
import { clearKey, storeKey, storedKey } from "../auth/keys";
import { announce, LiveRegion } from "../components/LiveRegion";
import { Loading } from "../components/Messages";
import { useLocation } from "../router";
import { Header } from "./Header";
import { RoutedPage } from "./RoutedPage";
import { EntraSignIn, KeySignIn } from "./SignIn";

type Session =
  | { state: "starting" }
  | { state: "signed-out"; error: string | null; busy: boolean }
  | { state: "signed-in"; me: Me };

type Auth = { config: ConsoleConfig; credentials: Credentials; signIn?: () => Promise<void> };

/** The shell: sign-in until GET /api/me accepts the credentials, then the header and the page of the address. */
export function App() {
  const location = useLocation();
  const [auth, setAuth] = useState<Auth | null>(null);
  const [session, setSession] = useState<Session>({ state: "starting" });
  const [fatal, setFatal] = useState<string | null>(null);

  const signedOut = (error: string | null) => {
    useCredentials(null, null);
    setSession({ state: "signed-out", error, busy: false });
  };

  const verify = async (credentials: Credentials, wrong: string) => {
    useCredentials(credentials, () => {
      clearKey();
      signedOut("Your sign-in is no longer accepted: sign in again.");
    });
    try {
      const me = await getJson<Me>("me");
      setSession({ state: "signed-in", me });
      announce(`Signed in as ${me.role} ${me.partyId}.`);
    } catch (e) {
      if (credentials.mode === "keys") clearKey();
      signedOut(e instanceof ApiError && e.status === 401 ? wrong : e instanceof ApiError ? `${e.title}. ${e.detail ?? ""}` : String(e));
    }
  };

  useEffect(() => {
    (async () => {
      const config = await loadConfig();
      if (config.mode === "entra") {
        const entra = await entraCredentials(config);
        setAuth({ config, credentials: entra, signIn: entra.signIn });
        if ((await entra.headers().catch(() => null)) !== null) await verify(entra, "Your account has no role in this service.");
        else signedOut(null);
      } else {
        setAuth({ config, credentials: keyCredentials });
        if (storedKey() !== null) await verify(keyCredentials, "That key was not accepted: check it and try again.");
        else signedOut(null);
      }
    })().catch((e: unknown) => setFatal(e instanceof Error ? e.message : String(e)));
  }, []);

  const signIn = (key: string) => {
    storeKey(key);
    setSession({ state: "signed-out", error: null, busy: true });
    void verify(keyCredentials, "That key was not accepted: check it and try again.");
  };

  const signOut = async () => {
    await auth?.credentials.signOut();
    signedOut(null);
    announce("Signed out.");
  };

  const me = session.state === "signed-in" ? session.me : null;
  return (
    <>
      <a class="skip-link" href="#main">Skip to content</a>
      <Header me={me} path={location.path} onSignOut={() => void signOut()} />
      <main id="main" tabIndex={-1}>
        {fatal ? (
          <p class="error" role="alert">{fatal}</p>
        ) : session.state === "starting" || auth === null ? (
          <Loading what="the console" />
        ) : session.state === "signed-out" ? (
          auth.config.mode === "entra" ? (
            <EntraSignIn error={session.error} onSignIn={() => void auth.signIn?.()} />
          ) : (
            <KeySignIn error={session.error} busy={session.busy} onSignIn={signIn} />
          )
        ) : (
          <RoutedPage key={location.path + "?" + location.query.toString()} location={location} me={session.me} />
        )}
      </main>
      <LiveRegion />
    </>
  );
}
