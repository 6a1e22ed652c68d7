import { useState } from "preact/hooks";

/** Previous/next page buttons of a long list, with "Page n" announced by the button labels. */
export function Pager(props: { page: number; hasNext: boolean; onPrevious: () => void; onNext: () => void; label: string }) {
  if (props.page === 1 && !props.hasNext) return null;
  return (
    <nav class="pager" aria-label={`Pages of ${props.label}`}>
      <button type="button" onClick={props.onPrevious} disabled={props.page === 1}>
        Previous page
      </button>
      <span>Page {props.page}</span>
      <button type="button" onClick={props.onNext} disabled={!props.hasNext}>
        Next page
      </button>
    </nav>
  );
}

/** One client-side page of 50 (or size) items. */
export function pageOf<T>(items: readonly T[], page: number, size = 50): T[] {
  return items.slice((page - 1) * size, page * size);
}

/**
 * The pages of a list the API pages with continuation tokens: the token to ask for now (null: the first page), the page
 * number, and moves back and on (on takes the token the current page's answer gave).
 */
export function useContinuationPages() {
  // tokens[n] asks for page n + 1; the first page has none.
  const [tokens, setTokens] = useState<(string | null)[]>([null]);
  return {
    token: tokens[tokens.length - 1] ?? null,
    page: tokens.length,
    previous: () => setTokens((t) => t.slice(0, -1)),
    next: (token: string | null) => setTokens((t) => [...t, token]),
  };
}
