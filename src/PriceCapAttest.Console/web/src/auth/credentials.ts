import type { ConsoleConfig } from "./config";
import { clearKey, storedKey } from "./keys";

/** What signs the API requests: the headers of the signed-in principal, and how to sign out. */
export interface Credentials {
  readonly mode: ConsoleConfig["mode"];
  /** Headers for an API request; null when nobody is signed in. */
  headers(): Promise<Record<string, string> | null>;
  signOut(): Promise<void>;
}

export const keyCredentials: Credentials = {
  mode: "keys",
  headers: async () => {
    const key = storedKey();
    return key === null ? null : { "x-functions-key": key };
  },
  signOut: async () => clearKey(),
};
