import type { ComponentChildren } from "preact";
import type { ApiError } from "../api/client";

/** Loading text (the live region announces it too). */
export function Loading(props: { what: string }) {
  return <p class="loading" data-testid="loading">Loading {props.what}…</p>;
}

/** "Nothing to show" for the signed-in party: an empty list, or a page of another role. */
export function NothingToShow(props: { children: ComponentChildren }) {
  return (
    <div class="notice" data-testid="nothing-to-show">
      <p>{props.children}</p>
    </div>
  );
}

/** An API error in plain words: 403 "You may not see this", 404 "Nothing to show", else title and detail. */
export function ProblemMessage(props: { error: ApiError; forbidden?: string; notFound?: string }) {
  const { error } = props;
  const title = error.status === 403 ? "You may not see this" : error.status === 404 ? "Nothing to show" : error.title;
  const detail = error.status === 403 ? props.forbidden ?? error.detail
    : error.status === 404 ? props.notFound ?? error.detail
    : error.detail;
  return (
    <div class={error.status === 403 || error.status === 404 ? "notice" : "error"} role="alert" data-testid="problem" data-status={error.status}>
      <p class="problem-title">{title}</p>
      {detail && <p>{detail}</p>}
      {error.errors.length > 0 && (
        <ul>
          {error.errors.map((e) => (
            <li key={e.field}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
