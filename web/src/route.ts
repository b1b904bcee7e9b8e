import { useEffect, useState } from "preact/hooks";

/** The view and its parameters from the location's hash: #/read/FILE?start=1&end=9. */
export interface Route {
  readonly view: string;
  readonly arg: string | null;
  readonly params: URLSearchParams;
}

export function parseRoute(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [view, ...rest] = path.split("/");
  return {
    view: view || "overview",
    arg: rest.length ? decodeURIComponent(rest.join("/")) : null,
    params: new URLSearchParams(query),
  };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    addEventListener("hashchange", on);
    return () => removeEventListener("hashchange", on);
  }, []);
  return route;
}

/** A link to the reading view, scrolled to and highlighting the given words. */
export const readHref = (file: string, start?: number, end?: number) =>
  `#/read/${encodeURIComponent(file)}${start !== undefined ? `?start=${start}&end=${end}` : ""}`;
