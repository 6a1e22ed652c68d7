import { useEffect, useState } from "preact/hooks";

/** Every console path starts here (the hosts serve index.html for any path below it). */
export const Base = "/console";

export type Location = { path: string; query: URLSearchParams };

const NavigateEvent = "pricecap:navigate";

function current(): Location {
  const path = window.location.pathname.startsWith(Base) ? window.location.pathname.slice(Base.length) || "/" : "/";
  return { path, query: new URLSearchParams(window.location.search) };
}

/** The console path (below /console) and query; re-renders on navigation and on back/forward. */
export function useLocation(): Location {
  const [location, setLocation] = useState(current);
  useEffect(() => {
    const update = () => setLocation(current());
    window.addEventListener("popstate", update);
    window.addEventListener(NavigateEvent, update);
    return () => {
      window.removeEventListener("popstate", update);
      window.removeEventListener(NavigateEvent, update);
    };
  }, []);
  return location;
}

/** Goes to a console address (absolute /console/... or below it) without reloading. */
export function navigate(href: string, replace = false): void {
  const target = href.startsWith(Base) ? href : Base + (href.startsWith("/") ? href : `/${href}`);
  if (replace) history.replaceState(null, "", target);
  else history.pushState(null, "", target);
  window.dispatchEvent(new Event(NavigateEvent));
}

/** The href of a console path: href("vessels", imo) is /console/vessels/9074729 (segments escaped). */
export function href(...segments: string[]): string {
  return `${Base}/${segments.map(encodeURIComponent).join("/")}`;
}

/** A console href with a query of the non-empty values: withQuery(href("violations"), { regime: "EU", from: "" }). */
export function withQuery(path: string, values: Record<string, string>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value) search.set(name, value);
  }
  const q = search.toString();
  return q ? `${path}?${q}` : path;
}

/** Matches "/vessels/:imo" against a path: the decoded parameters, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const segment = want[i]!;
    if (segment.startsWith(":")) {
      try {
        params[segment.slice(1)] = decodeURIComponent(have[i]!);
      } catch {
        return null;
      }
    } else if (segment !== have[i]) {
      return null;
    }
  }
  return params;
}
