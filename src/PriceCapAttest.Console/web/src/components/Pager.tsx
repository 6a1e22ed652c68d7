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
