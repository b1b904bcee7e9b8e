import type { ComponentChildren } from "preact";
import type { Loaded } from "../use-data";

/** A view's data: its content when loaded, else what is happening. */
export function Status<T>({ of, children }: { of: Loaded<T>; children: (data: T) => ComponentChildren }) {
  if (of.state === "loading")
    return (
      <p class="muted" role="status">
        Loading…
      </p>
    );
  if (of.state === "error")
    return (
      <p class="problem" role="alert">
        {of.error.message}
      </p>
    );
  return <>{children(of.data)}</>;
}
