import type { ComponentChildren } from "preact";

/** A table in a focusable, labelled region that scrolls sideways on narrow screens (keyboard users can scroll it too). */
export function Table(props: { caption: string; children: ComponentChildren; testId?: string }) {
  return (
    <div class="table-scroll" role="region" aria-label={props.caption} tabIndex={0}>
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        {props.children}
      </table>
    </div>
  );
}
