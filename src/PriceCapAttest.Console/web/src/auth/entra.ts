import type { Credentials } from "./credentials";

export type EntraSettings = { clientId: string; authority: string; scope: string };

/**
 * Entra ID sign-in with MSAL's redirect flow; its cache lives in sessionStorage. MSAL is loaded only here (a chunk
 * of its own), so the keys mode never downloads it.
 */
export async function entraCredentials(settings: EntraSettings): Promise<Credentials & { signIn(): Promise<void> }> {
  const msal = await import("@azure/msal-browser");
  const app = new msal.PublicClientApplication({
    auth: { clientId: settings.clientId, authority: settings.authority, redirectUri: `${window.location.origin}/console/` },
    cache: { cacheLocation: "sessionStorage" },
  });
  await app.initialize();
  const redirect = await app.handleRedirectPromise();
  if (redirect?.account) app.setActiveAccount(redirect.account);
  const account = () => app.getActiveAccount() ?? app.getAllAccounts()[0] ?? null;
  const request = { scopes: [settings.scope] };

  return {
    mode: "entra",
    headers: async () => {
      const signedIn = account();
      if (signedIn === null) return null;
      try {
        const token = await app.acquireTokenSilent({ ...request, account: signedIn });
        return { authorization: `Bearer ${token.accessToken}` };
      } catch (e) {
        if (e instanceof msal.InteractionRequiredAuthError) {
          await app.acquireTokenRedirect(request);
        }
        throw e;
      }
    },
    signIn: () => app.loginRedirect(request),
    signOut: () => app.logoutRedirect({ postLogoutRedirectUri: `${window.location.origin}/console/` }),
  };
}
