// Benchmark: checkDraft on drafts of 200, 2,000 and 10,000 characters (median
// time per call), plus adversarial 10,000-character inputs that would expose
// quadratic behaviour. Run alone: `npx vite-node scripts/bench/draft.ts`.
import { performance } from 'node:perf_hooks';
import { checkDraft, type DraftContext } from '../../utils/draft';

type Row = { figure: string; value: number; unit: string; aim: string; ok: boolean };

const SENTENCES = [
  'Bonjour Julie, votre commande CMD-48213 est partie ce matin avec DHL.',
  'Pour faire un retour, connectez-vous à votre compte, puis cliquez sur Mes commandes, ensuite choisissez l’article.',
  'Vous pouvez nous appeler au 06 12 34 56 78 ou écrire à sav@acme.fr si besoin.',
  'La facture PDF avec la TVA est dans votre espace client 😊',
  'C’est TRÈS important de garder l’étiquette !!!',
  'Le retour se fait au 12 rue des Lilas, 69003 Lyon.',
  'Merci pour votre patience, nous faisons le maximum.',
];

/** A realistic draft of exactly `length` characters, signed by a company so every rule has work. */
function draftOf(length: number): string {
  const signature = '\nCordialement,\nL’équipe Acme';
  let body = '';
  for (let i = 0; body.length < length; i++) body += (i % 5 === 4 ? '\n\n' : ' ') + SENTENCES[i % SENTENCES.length];
  return body.slice(0, Math.max(0, length - signature.length)) + signature;
}

const SAVED = Array.from({ length: 30 }, (_, i) => `Bonjour {first_name}, ${SENTENCES.slice(i % 5, (i % 5) + 3).join(' ')} Réponse type n°${i}.`);

const CONTEXT: DraftContext = {
  agentName: 'Marie',
  companyNames: ['Acme', 'Maison Lumière'],
  publicReply: true,
  savedReplies: SAVED,
  windowClosed: false,
};

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function time(text: string, runs: number, context: DraftContext = CONTEXT): number {
  for (let i = 0; i < 10; i++) checkDraft(text, context);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkDraft(text, context);
    samples.push(performance.now() - t0);
  }
  return median(samples);
}

export async function run(): Promise<Row[]> {
  const rows: Row[] = [];
  const m200 = time(draftOf(200), 300);
  const m2k = time(draftOf(2000), 200);
  const m10k = time(draftOf(10000), 60);
  rows.push({ figure: 'checkDraft median, 200 chars', value: round(m200), unit: 'ms', aim: '< 1 ms', ok: m200 < 1 });
  rows.push({ figure: 'checkDraft median, 2,000 chars', value: round(m2k), unit: 'ms', aim: '< 1 ms', ok: m2k < 1 });
  rows.push({ figure: 'checkDraft median, 10,000 chars', value: round(m10k), unit: 'ms', aim: '< 5 ms (linear)', ok: m10k < 5 });
  // Linear, not quadratic: 5x the text should cost well under 25x the time.
  const ratio = m10k / m2k;
  rows.push({ figure: 'checkDraft 10,000 / 2,000 chars time ratio', value: round(ratio), unit: 'x', aim: '< 10 (5 would be linear, 25 quadratic)', ok: ratio < 10 });
  // Worst case for the saved-reply check: replies as long as the draft (no size shortcut).
  const pasted = draftOf(2000);
  const sameSize = time(pasted, 200, { ...CONTEXT, savedReplies: [...SAVED, pasted.replace('Julie', 'Paul'), draftOf(1900)] });
  rows.push({ figure: 'checkDraft median, 2,000 chars, saved replies of the same size', value: round(sameSize), unit: 'ms', aim: '< 1 ms', ok: sameSize < 1 });
  const oneLine = time('Bonjour ' + 'votre colis ARRIVE demain puis cliquez 0612 '.repeat(240).slice(0, 10000), 30);
  rows.push({ figure: 'checkDraft median, 10,000 chars on one line (caps, digits, steps)', value: round(oneLine), unit: 'ms', aim: '< 10 ms', ok: oneLine < 10 });
  const noSpaces = time('a'.repeat(5000) + '1'.repeat(5000), 30);
  rows.push({ figure: 'checkDraft median, 10,000 chars without spaces', value: round(noSpaces), unit: 'ms', aim: '< 10 ms', ok: noSpaces < 10 });
  return rows;
}

const round = (n: number) => Math.round(n * 1000) / 1000;

// Run alone (`npx vite-node scripts/bench/draft.ts`): vite-node hides the file from argv, so
// "alone" means "not loaded by the bench runner (scripts/bench/lib/run-one.mjs sets BENCH_FILE)".
const invokedByRunner = !!process.env.BENCH_FILE || process.argv.some((a) => a.endsWith('run-one.mjs'));
if (!invokedByRunner) {
  for (const row of await run()) console.log(`${row.ok ? 'ok  ' : 'MISS'} ${row.figure}: ${row.value} ${row.unit} (aim ${row.aim})`);
}
