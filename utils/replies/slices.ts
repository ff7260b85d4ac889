/**
 * Long work in the background worker, cut in slices: a generator yields at safe points, and
 * `runInSlices` gives the event loop back whenever a slice has run `sliceMs`, so other messages
 * (stats events, a keystroke's search) are answered between slices instead of waiting behind it.
 */
export function runToEnd<T>(steps: Generator<void, T>): T {
  let r = steps.next();
  while (!r.done) r = steps.next();
  return r.value;
}

export const SLICE_MS = 10;

export async function runInSlices<T>(steps: Generator<void, T>, sliceMs = SLICE_MS): Promise<T> {
  let started = performance.now();
  let r = steps.next();
  while (!r.done) {
    if (performance.now() - started >= sliceMs) {
      await new Promise((resolve) => setTimeout(resolve, 0));
      started = performance.now();
    }
    r = steps.next();
  }
  return r.value;
}

/**
 * One cache entry per library array (identity), built by `steps` either at once (`get`) or in slices
 * (`prepare`, shared by concurrent callers). `valid` rejects an entry of an array changed in place.
 */
export function libraryCache<L extends object, V>(steps: (library: L) => Generator<void, V>, valid: (value: V, library: L) => boolean) {
  const built = new WeakMap<L, V>();
  const pending = new WeakMap<L, Promise<V>>();
  const cached = (library: L) => {
    const v = built.get(library);
    return v !== undefined && valid(v, library) ? v : undefined;
  };
  return {
    get(library: L): V {
      const v = cached(library);
      if (v !== undefined) return v;
      const fresh = runToEnd(steps(library));
      built.set(library, fresh);
      return fresh;
    },
    async prepare(library: L, sliceMs = SLICE_MS): Promise<void> {
      if (cached(library) !== undefined) return;
      let p = pending.get(library);
      if (!p) {
        p = runInSlices(steps(library), sliceMs).finally(() => pending.delete(library));
        pending.set(library, p);
      }
      const v = await p;
      if (cached(library) === undefined) built.set(library, v);
    },
  };
}
