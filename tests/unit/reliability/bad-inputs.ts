/**
 * Hostile and broken file contents for every import. Built from a VALID
 * file's text so that "truncated" and "wrong version" are realistic (a
 * download cut short, a file from a newer release), plus inputs that were
 * never our format at all. Seeded: the same cases on every run.
 */
export interface BadInput {
  name: string;
  text: string;
}

function seeded(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function truncations(valid: string): BadInput[] {
  const cuts = [1, Math.floor(valid.length * 0.1), Math.floor(valid.length / 2), valid.length - 2, valid.length - 1];
  return [...new Set(cuts)].filter((n) => n > 0 && n < valid.length).map((n) => ({ name: `truncated at ${n}/${valid.length}`, text: valid.slice(0, n) }));
}

/** The valid file with its version field replaced (or removed). */
export function wrongVersions(valid: string, field = 'version'): BadInput[] {
  const data = JSON.parse(valid) as Record<string, unknown>;
  const variants: Array<[string, unknown]> = [
    ['a newer version (999)', 999],
    ['version 0', 0],
    ['version as a string', String(data[field])],
    ['version null', null],
    ['version -1', -1],
    ['version 1.5', 1.5],
  ];
  const out = variants.map(([name, v]) => ({ name, text: JSON.stringify({ ...data, [field]: v }) }));
  const { [field]: _drop, ...without } = data;
  out.push({ name: 'no version field', text: JSON.stringify(without) });
  return out;
}

export function randomInputs(seed = 7): BadInput[] {
  const rnd = seeded(seed);
  const bytes = (n: number) => String.fromCharCode(...Array.from({ length: n }, () => Math.floor(rnd() * 256)));
  const unicode = (n: number) => Array.from({ length: n }, () => String.fromCodePoint(Math.floor(rnd() * 0xd7ff) + 1)).join('');
  return [
    { name: 'empty', text: '' },
    { name: 'whitespace', text: ' \n\t ' },
    { name: 'BOM only', text: '\uFEFF' },
    { name: 'null', text: 'null' },
    { name: 'a number', text: '42' },
    { name: 'a string', text: '"inbox-pilot"' },
    { name: 'an array', text: '[1,2,3]' },
    { name: 'an empty object', text: '{}' },
    { name: 'true', text: 'true' },
    { name: 'random bytes (256)', text: bytes(256) },
    { name: 'random bytes (4096)', text: bytes(4096) },
    { name: 'random unicode', text: unicode(500) },
    { name: 'a CSV file', text: 'week,agent,responses\n2026-W47,Marie,12\n' },
    { name: 'HTML', text: '<!doctype html><script>alert(1)</script>' },
    { name: 'prototype pollution', text: '{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}' },
    { name: 'deeply nested arrays', text: '['.repeat(5000) + ']'.repeat(5000) },
  ];
}

/** Valid JSON far above any sane size for the format. */
export function oversized(valid: string, bytes: number): BadInput {
  const data = JSON.parse(valid) as Record<string, unknown>;
  return { name: `oversized (${Math.round(bytes / 1024)} KB)`, text: JSON.stringify({ ...data, padding: 'x'.repeat(bytes) }) };
}
