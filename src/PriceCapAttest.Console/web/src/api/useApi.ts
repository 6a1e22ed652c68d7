import { useCallback, useEffect, useState } from "preact/hooks";
import { announce } from "../components/LiveRegion";
import { ApiError } from "./client";

export type Loaded<T> =
  | { state: "loading" }
  | { state: "done"; data: T }
  | { state: "failed"; error: ApiError };

/** Runs load() whenever a key changes; the page renders loading, the data, or the error in plain words. */
export function useApi<T>(load: () => Promise<T>, keys: readonly unknown[], what: string): Loaded<T> & { reload: () => void } {
  const [result, setResult] = useState<Loaded<T>>({ state: "loading" });
  const [round, setRound] = useState(0);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  useEffect(() => {
    let current = true;
    setResult({ state: "loading" });
    announce(`Loading ${what}…`);
    load().then(
      (data) => {
        if (!current) return;
        setResult({ state: "done", data });
        announce(`${what[0]!.toUpperCase()}${what.slice(1)} loaded.`);
      },
      (e: unknown) => {
        if (!current) return;
        const error = e instanceof ApiError ? e : new ApiError(0, "Something went wrong", String(e), []);
        setResult({ state: "failed", error });
        announce(error.title);
      },
    );
    return () => {
      current = false;
    };
  }, [...keys, round]);
  return { ...result, reload };
}
