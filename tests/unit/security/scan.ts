import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Patterns that must never appear in our own source. Tight on purpose: each
 * one names an API that turns a string into markup or code, or talks to the
 * network. Comments are stripped first, so a comment warning "never set
 * innerHTML" does not trip it.
 */
export const FORBIDDEN_IN_SOURCE: Array<{ name: string; pattern: RegExp }> = [
  { name: 'innerHTML', pattern: /\binnerHTML\b/ },
  { name: 'outerHTML assignment', pattern: /\bouterHTML\s*\+?=(?!=)/ },
  { name: 'insertAdjacentHTML', pattern: /\binsertAdjacentHTML\b/ },
  { name: 'dangerouslySetInnerHTML', pattern: /\bdangerouslySetInnerHTML\b/ },
  { name: 'createContextualFragment', pattern: /\bcreateContextualFragment\b/ },
  { name: 'document.write', pattern: /\bdocument\.write(?:ln)?\s*\(/ },
  { name: 'srcdoc', pattern: /\bsrcdoc\b/ },
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'string timer (eval in disguise)', pattern: /\bset(?:Timeout|Interval)\s*\(\s*['"`]/ },
  { name: 'remote import()', pattern: /\bimport\s*\(\s*['"`](?:https?:)?\/\// },
  { name: 'remote <script src>', pattern: /<script[^>]*\ssrc\s*=\s*["']?(?:https?:)?\/\//i },
  { name: 'importScripts', pattern: /\bimportScripts\s*\(/ },
  { name: 'script element (code injected into the page)', pattern: /createElement(?:NS)?\s*\([^)]*['"`]script['"`]/i },
  { name: 'javascript: URL', pattern: /['"`]\s*javascript:/i },
  // No network: the extension never talks to a server.
  { name: 'fetch(', pattern: /(?<![\w$])fetch\s*\(/ },
  { name: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/ },
  { name: 'WebSocket', pattern: /\bWebSocket\b/ },
  { name: 'EventSource', pattern: /\bEventSource\b/ },
  { name: 'sendBeacon', pattern: /\bsendBeacon\b/ },
];

/** Patterns checked in the BUILT bundles (which include Preact and WXT): only code evaluation. */
export const FORBIDDEN_IN_BUNDLE: Array<{ name: string; pattern: RegExp }> = [
  { name: 'eval(', pattern: /(?<![\w$.])eval\s*\(/ },
  { name: 'new Function', pattern: /\bnew\s+Function\s*\(/ },
  { name: 'remote import()', pattern: /\bimport\s*\(\s*['"`](?:https?:)?\/\// },
  { name: 'importScripts', pattern: /\bimportScripts\s*\(/ },
];

/**
 * Removes // and /* *\/ comments while leaving strings, template literals and
 * regex-free code intact (good enough for our own TypeScript: a `//` inside a
 * string such as 'https://' is kept).
 */
export function stripComments(code: string): string {
  let out = '';
  let i = 0;
  let quote: string | null = null;
  while (i < code.length) {
    const c = code[i]!;
    const next = code[i + 1];
    if (quote) {
      out += c;
      if (c === '\\') {
        out += next ?? '';
        i += 2;
        continue;
      }
      if (c === quote) quote = null;
      i++;
      continue;
    }
    if (c === '"' || c === "'" || c === '`') {
      quote = c;
      out += c;
      i++;
      continue;
    }
    if (c === '/' && next !== '/' && next !== '*' && /[(,=:[!&|?{};]$|^$/.test(out.trimEnd().slice(-1))) {
      // A regex literal: copy it whole so quotes or slashes inside it are not misread.
      let j = i + 1;
      let inClass = false;
      while (j < code.length && code[j] !== '\n') {
        const d = code[j];
        if (d === '\\') j++;
        else if (d === '[') inClass = true;
        else if (d === ']') inClass = false;
        else if (d === '/' && !inClass) break;
        j++;
      }
      out += code.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    if (c === '/' && next === '/') {
      while (i < code.length && code[i] !== '\n') i++;
      continue;
    }
    if (c === '/' && next === '*') {
      const end = code.indexOf('*/', i + 2);
      const comment = code.slice(i, end < 0 ? code.length : end + 2);
      out += comment.replace(/[^\n]/g, ' '); // keep line numbers
      i = end < 0 ? code.length : end + 2;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

export interface Finding {
  file: string;
  line: number;
  rule: string;
  text: string;
}

export function scanText(file: string, code: string, rules: Array<{ name: string; pattern: RegExp }>, strip = true): Finding[] {
  const lines = (strip ? stripComments(code) : code).split('\n');
  const findings: Finding[] = [];
  lines.forEach((text, index) => {
    for (const rule of rules) {
      if (rule.pattern.test(text)) findings.push({ file, line: index + 1, rule: rule.name, text: text.trim().slice(0, 160) });
    }
  });
  return findings;
}

export function listFiles(dir: string, extensions: RegExp): string[] {
  const files: string[] = [];
  const visit = (path: string) => {
    let s;
    try {
      s = statSync(path);
    } catch {
      return;
    }
    if (s.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
    else if (extensions.test(path)) files.push(path);
  };
  visit(dir);
  return files;
}

export function scanTree(root: string, dirs: string[], extensions: RegExp, rules: Array<{ name: string; pattern: RegExp }>, strip = true): Finding[] {
  return dirs.flatMap((d) =>
    listFiles(join(root, d), extensions).flatMap((f) => scanText(relative(root, f), readFileSync(f, 'utf8'), rules, strip)),
  );
}
