import { useEffect, useState } from "preact/hooks";
import { api, type DocumentFull, type Span } from "../api";
import { Status } from "../components/status";
import { useData } from "../use-data";

const KINDS = ["quote", "claim", "date", "quantity"] as const;
type Kind = (typeof KINDS)[number];
const PLURAL: Record<Kind, string> = { quote: "quotes", claim: "claims", date: "dates", quantity: "quantities" };

/** Runs of text with the evidence kinds covering them (the narrowest kind shows on top). */
function segments(text: string, doc: DocumentFull, target: [number, number] | null) {
  const cuts = new Set([0, text.length]);
  const items: { kind: Kind | "target"; s: Span }[] = [];
  for (const k of KINDS) for (const s of doc.evidence[k]) items.push({ kind: k, s });
  if (target) items.push({ kind: "target", s: { start: target[0], end: target[1], text: text.slice(...target) } });
  for (const { s } of items) cuts.add(s.start).add(s.end);
  const points = [...cuts].filter((x) => x >= 0 && x <= text.length).sort((a, b) => a - b);
  return points.slice(0, -1).map((start, i) => {
    const end = points[i + 1]!;
    const over = items.filter(({ s }) => s.start <= start && s.end >= end);
    return {
      start,
      end,
      kinds: new Set(over.map((o) => o.kind)),
      items: over.filter((o) => o.kind !== "target").map((o) => o),
    };
  });
}

function describe(kind: Kind, s: Span): string {
  if (kind === "quote")
    return `quote — ${s["speaker"] ?? `unsure: ${s["speakerCandidate"] ?? "no speaker found"}`} (confidence ${Number(s["confidence"] ?? 0).toFixed(2)})`;
  if (kind === "date") return `date — ${s["iso"] ?? "not resolved"}`;
  if (kind === "quantity") return `quantity — ${s["value"] ?? ""} ${s["unit"] ?? s["noun"] ?? ""}`;
  return `claim — ${s["subject"] ?? ""} ${s["attribute"] ?? ""}: ${s["value"] ?? ""}`;
}

/** A document's text with its evidence highlighted by kind; opened from a citation, scrolled to its exact words. */
export function Reading({ file, start, end }: { file: string; start: string | null; end: string | null }) {
  const data = useData(() => api.document(file), [file]);
  const target: [number, number] | null = start !== null && end !== null ? [Number(start), Number(end)] : null;
  const [picked, setPicked] = useState<string | null>(null);
  const [shown, setShown] = useState<Set<Kind>>(new Set(KINDS));
  useEffect(() => {
    if (data.state === "ready" && target) document.getElementById("target")?.scrollIntoView({ block: "center" });
  }, [data.state, start, end]);
  return (
    <Status of={data}>
      {(doc) => (
        <>
          <h1>{doc.name}</h1>
          <p class="muted">
            {doc.outlet ?? "outlet unknown"} · {doc.published ?? "date unknown"} · {doc.evidence.quote.length} quotes,{" "}
            {doc.evidence.date.length} dates, {doc.evidence.quantity.length} quantities, {doc.evidence.claim.length}{" "}
            claims
          </p>
          <fieldset class="legend">
            <legend>Highlight</legend>
            {KINDS.map((k) => (
              <label key={k} class={`hl ${k}`}>
                <input
                  type="checkbox"
                  checked={shown.has(k)}
                  onChange={() =>
                    setShown((s) => (s.has(k) ? new Set([...s].filter((x) => x !== k)) : new Set([...s, k])))
                  }
                />{" "}
                {PLURAL[k]}
              </label>
            ))}
          </fieldset>
          {target && (
            <p class="cited-words">
              Cited words: <mark class="target">“{doc.text.slice(target[0], target[1])}”</mark>
            </p>
          )}
          {picked && (
            <p class="detail" role="status">
              {picked}
            </p>
          )}
          <article class="reading">
            {segments(doc.text, doc, target).map((seg) => {
              const t = doc.text.slice(seg.start, seg.end);
              const kinds = KINDS.filter((k) => seg.kinds.has(k) && shown.has(k));
              const isTarget = seg.kinds.has("target");
              if (!kinds.length && !isTarget) return t;
              const first = target && isTarget && seg.start === target[0];
              const label = seg.items
                .filter((x) => x.kind !== "target" && shown.has(x.kind as Kind))
                .map((x) => describe(x.kind as Kind, x.s))
                .join("; ");
              return (
                <mark
                  key={seg.start}
                  id={first ? "target" : undefined}
                  class={[...kinds, isTarget ? "target" : ""].join(" ")}
                  tabIndex={label ? 0 : -1}
                  title={label}
                  onClick={() => setPicked(label || null)}
                  onKeyDown={(e) => e.key === "Enter" && setPicked(label || null)}
                >
                  {t}
                </mark>
              );
            })}
          </article>
        </>
      )}
    </Status>
  );
}
