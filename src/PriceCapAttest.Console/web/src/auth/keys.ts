// Local sign-in: the principal's API key, kept in sessionStorage only (gone when the tab closes; never
// localStorage, never a query string) and sent as the x-functions-key header.
const KeyItem = "pricecap.console.key";

export function storedKey(): string | null {
  return sessionStorage.getItem(KeyItem);
}

export function storeKey(key: string): void {
  sessionStorage.setItem(KeyItem, key);
}

export function clearKey(): void {
  sessionStorage.removeItem(KeyItem);
}

/** Takes #key=... (bookmarks, scripts) once: stores it and replaces the address without it. */
export function takeKeyFromFragment(): void {
  const hash = window.location.hash;
  if (hash.length < 2) return;
  const params = new URLSearchParams(hash.slice(1));
  const key = params.get("key");
  if (key === null) return;
  params.delete("key");
  const rest = params.toString();
  history.replaceState(history.state, "", window.location.pathname + window.location.search + (rest ? `#${rest}` : ""));
  if (key.trim() !== "") storeKey(key.trim());
}
