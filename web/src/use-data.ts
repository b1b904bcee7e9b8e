import { useEffect, useState } from "preact/hooks";

export type Loaded<T> = { state: "loading" } | { state: "error"; error: Error } | { state: "ready"; data: T };

/** Loads data for a view; reloads when `deps` change. A 503 (the server is still computing) is retried after its Retry-After. */
export function useData<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const [value, setValue] = useState<Loaded<T>>({ state: "loading" });
  useEffect(() => {
    let live = true;
    setValue({ state: "loading" });
    const attempt = (left: number) =>
      load().then(
        (data) => live && setValue({ state: "ready", data }),
        (error: Error & { status?: number }) => {
          if (!live) return;
          if (error.status === 503 && left > 0) setTimeout(() => live && attempt(left - 1), 2000);
          else setValue({ state: "error", error });
        },
      );
    attempt(30);
    return () => {
      live = false;
    };
    // The caller names what the effect depends on (deps), not the closure.
  }, deps);
  return value;
}
