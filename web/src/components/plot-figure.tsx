import { useEffect, useRef } from "preact/hooks";
import { chartPng, chartSvg, download } from "../download";

/**
 * A chart made by Observable Plot (or any function returning an element), replaced when its inputs
 * change; with `file`, buttons save it as SVG and PNG under that name.
 */
export function PlotFigure({
  make,
  deps,
  label,
  file,
}: {
  make: () => Element;
  deps: readonly unknown[];
  label: string;
  file?: string;
}) {
  const at = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const el = make();
    at.current?.replaceChildren(el);
    return () => el.remove();
    // The caller names what the effect depends on (deps), not the closure.
  }, deps);
  // The chart itself: the largest drawing in the figure (a legend is a small one).
  const svg = () => {
    const all = [...(at.current?.querySelectorAll<SVGSVGElement>("svg") ?? [])];
    const area = (s: SVGSVGElement) => s.getBoundingClientRect().width * s.getBoundingClientRect().height;
    return all.sort((x, y) => area(y) - area(x))[0] ?? null;
  };
  return (
    <>
      <div class="chart" role="img" aria-label={label} ref={at} />
      {file && (
        <p class="exports">
          Save the chart:{" "}
          <button type="button" onClick={() => svg() && download(`${file}.svg`, chartSvg(svg()!), "image/svg+xml")}>
            SVG
          </button>{" "}
          <button
            type="button"
            onClick={async () => {
              const s = svg();
              if (s) download(`${file}.png`, await chartPng(s));
            }}
          >
            PNG
          </button>
        </p>
      )}
    </>
  );
}
