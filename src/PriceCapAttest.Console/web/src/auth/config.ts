/** GET /console/config.json: how to sign in, set by the host (LocalHost:Console:Entra:* or Console:Entra:*). */
export type ConsoleConfig =
  | { mode: "keys" }
  | { mode: "entra"; clientId: string; authority: string; scope: string };

export async function loadConfig(): Promise<ConsoleConfig> {
  const response = await fetch("/console/config.json", { headers: { accept: "application/json" }, cache: "no-store" });
  if (!response.ok) throw new Error(`The console's settings could not be read (HTTP ${response.status}).`);
  return (await response.json()) as ConsoleConfig;
}
