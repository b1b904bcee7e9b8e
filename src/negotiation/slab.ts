/** Bytes per slab. */
const SLAB_BYTES = 64 * 1024;
/** Requests larger than this get a buffer of their own. */
const MAX_CARVED = 8 * 1024;

let slab = new ArrayBuffer(0);
let used = 0;

/** A run of fresh (zeroed) bytes: a buffer and where in it the run starts, 8-byte aligned. */
export interface Carved {
  readonly buffer: ArrayBuffer;
  readonly offset: number;
}

/**
 * Fresh memory for a small arena, cut from a shared slab. Creating an ArrayBuffer costs about a
 * microsecond — as much as a whole negotiation on a 27-outcome space — so small requests share
 * one. A slab is never reused: it is garbage once the last view into it is, so a live arena pins
 * at most one slab (64 KB), and large requests get their own buffer.
 */
export function carve(bytes: number): Carved {
  if (bytes > MAX_CARVED) return { buffer: new ArrayBuffer(bytes), offset: 0 };
  const need = (bytes + 7) & ~7;
  if (used + need > slab.byteLength) {
    slab = new ArrayBuffer(SLAB_BYTES);
    used = 0;
  }
  const offset = used;
  used += need;
  return { buffer: slab, offset };
}
