/**
 * Problems with an extension-pages CSP compared with Chrome's MV3 default
 * (`script-src 'self' 'wasm-unsafe-eval'; object-src 'self';`). An empty list
 * means "the default or stricter".
 */
const SCRIPT_SOURCES_ALLOWED = new Set(["'self'", "'wasm-unsafe-eval'", "'none'"]);
const OBJECT_SOURCES_ALLOWED = new Set(["'self'", "'none'"]);

export function cspProblems(policy: string): string[] {
  const directives = new Map<string, string[]>();
  for (const part of policy.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/).filter(Boolean);
    if (name) directives.set(name.toLowerCase(), sources.map((s) => s.toLowerCase()));
  }
  const problems: string[] = [];
  const script = directives.get('script-src') ?? directives.get('default-src');
  if (!script) problems.push('no script-src (or default-src): scripts would be unrestricted');
  for (const src of script ?? []) if (!SCRIPT_SOURCES_ALLOWED.has(src)) problems.push(`script-src allows ${src}`);
  for (const name of ['script-src-elem', 'script-src-attr', 'worker-src']) {
    for (const src of directives.get(name) ?? []) if (!SCRIPT_SOURCES_ALLOWED.has(src)) problems.push(`${name} allows ${src}`);
  }
  const object = directives.get('object-src') ?? directives.get('default-src');
  if (!object) problems.push('no object-src (or default-src)');
  for (const src of object ?? []) if (!OBJECT_SOURCES_ALLOWED.has(src)) problems.push(`object-src allows ${src}`);
  return problems;
}
