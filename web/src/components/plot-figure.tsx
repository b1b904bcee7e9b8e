import { useEffect, useRef } from "preact/hooks";

/** A chart made by Observable Plot (or any function returning an element), replaced when its inputs change. */
export function PlotFigure({ make, deps, label }: { make: () => Element; deps: readonly unknown[]; label: string }) {
  const at = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    at.current?.replaceChildren(el);
    return () => el.remove();
    // The caller names what the effect depends on (deps), not the closure.
  }, deps);
  return <div class="chart" role="img" aria-label={label} ref={at} />;
}
