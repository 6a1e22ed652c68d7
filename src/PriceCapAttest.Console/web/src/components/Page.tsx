import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";

export const Product = "PriceCapAttest";

/** A page's heading: sets document.title and moves focus to the h1 when the page opens (keyboard and screen readers start there). */
export function Page(props: { title: string; children: ComponentChildren; lead?: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${props.title} – ${Product} console`;
    heading.current?.focus();
  }, [props.title]);
  return (
    <section class="page" aria-labelledby="page-title">
      <h1 id="page-title" tabIndex={-1} ref={heading}>
        {props.title}
      </h1>
      {props.lead && <p class="lead">{props.lead}</p>}
      {props.children}
    </section>
  );
}
