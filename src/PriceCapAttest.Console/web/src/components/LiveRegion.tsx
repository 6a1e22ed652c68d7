import { useEffect, useState } from "preact/hooks";

let speak: ((text: string) => void) | null = null;

/** Tells screen-reader users what changed (loading, loaded, saved, failed) through the shell's polite live region. */
export function announce(text: string): void {
  speak?.(text);
}

export function LiveRegion() {
  const [text, setText] = useState("");
  useEffect(() => {
    speak = setText;
    return () => {
      speak = null;
    };
  }, []);
  return (
    <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true" data-testid="live-region">
      {text}
    </div>
  );
}
