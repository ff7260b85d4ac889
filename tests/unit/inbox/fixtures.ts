import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

/** Fixture pages of tests/fixtures/layouts/ loaded into a fresh happy-dom document. */
export const LAYOUTS_DIR = path.resolve(__dirname, '../../fixtures/layouts');

export interface Fixture {
  name: string;
  doc: Document;
  /** The URL the page was (or pretends to be) served at. */
  url: string;
  /** When it was captured: relative tokens (`5m`) are read against this. */
  now: number;
  /** For the sim copies: the sim's own model at capture time (capture-sim.mjs). */
  truth: SimTruth | null;
}

export interface SimTruth {
  open: string;
  name: string;
  rows: Array<{ id: string; name: string; lastFrom: 'customer' | 'page' | null; unread: boolean }>;
  messages: Array<{ side: 'customer' | 'page' | 'system'; agent: string | null; text: string }>;
  composer: string;
}

export const FIXTURE_NAMES = readdirSync(LAYOUTS_DIR).filter((f) => f.endsWith('.html'));

export function loadFixture(name: string): Fixture {
  const html = readFileSync(path.join(LAYOUTS_DIR, name), 'utf8');
  const meta = /captured-at=(\d+) url=(\S+)/.exec(html);
  const truth = /truth=([A-Za-z0-9+/=]+)/.exec(html);
  // The global document (it has a window, so computed styles work): its content is replaced by the fixture's.
  const doc = document;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const root = doc.documentElement;
  for (const attr of [...root.attributes]) root.removeAttribute(attr.name);
  for (const attr of [...parsed.documentElement.attributes]) root.setAttribute(attr.name, attr.value);
  root.replaceChildren(...[...parsed.documentElement.childNodes].map((n) => doc.importNode(n, true)));
  return {
    name,
    doc,
    url: meta?.[2] ?? 'https://business.facebook.com/latest/inbox/all?asset_id=104522908812345',
    now: meta ? Number(meta[1]) : Date.UTC(2026, 1, 24, 10, 0),
    truth: truth ? (JSON.parse(Buffer.from(truth[1]!, 'base64').toString('utf8')) as SimTruth) : null,
  };
}
