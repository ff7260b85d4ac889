/**
 * Text processing for matching customer messages against saved replies, in
 * French and English: accent/case folding, stop words, chat slang, a light
 * stemmer and a few topic synonyms. Pure and deterministic.
 */

import { fold, WORD_RE } from './words';

// Split out so the content script can detect a conversation's language without the matching tables below.
export { fold, words, type Word } from './words';
export { detectLanguage } from './language';

// Folded stop words of both languages, plus greetings and politeness that say nothing about the topic.
const STOP_WORDS = new Set(
  `a ai aie aient aies ait as au aux avais avait avec avez avons ayant c ca ce ceci cela celle celles celui ces cet cette
  chez ci comme comment d dans de des donc du elle elles en encore est et etais etait etes ete etre eu eux fait faire
  il ils j je jusqu l la le les leur leurs lui m ma mais me meme mes moi mon n ne ni nos notre nous on ont ou par pas
  peu peut peux plus pour pourquoi quand que quel quelle quelles quels qui quoi s sa sans se ses si son sont sur
  ta te tes toi ton tous tout toute toutes tu un une vos votre vous y voila voici tres bien oui non alors aussi
  deja ici car puis toujours encore jamais sinon svp stp merci mrc bonjour bonsoir salut slt coucou cc bjr bsr wsh wesh yo hello
  hey hi madame monsieur mme mr mlle ok okay dac daccord voudrais veux vouloir aimerais pouvez pourriez savoir
  the an and or but if of to in on at by for with about from into over than then so such that this these those
  there here is are was were be been being am do does did doing have has had having i me my mine we us our you
  your yours he him his she her it its they them their what which who whom when where why how all any both each
  few more most other some no not only own same too very can could should would will just don now please pls plz
  thanks thank thx ty dear sir hiya morning afternoon evening would like want wanted know tell let get got
  u ur im ive id youre dont cant isnt wont didnt doesnt`
    .split(/\s+/)
    .filter(Boolean),
);

export function isStopWord(folded: string): boolean {
  return STOP_WORDS.has(folded);
}

/** Chat abbreviations and slang, folded, mapped to the word they stand for. */
const SLANG: Record<string, string> = {
  dispo: 'disponible',
  dispos: 'disponible',
  cmd: 'commande',
  cde: 'commande',
  comande: 'commande',
  coli: 'colis',
  rdv: 'rendez-vous',
  remb: 'remboursement',
  rembourssement: 'remboursement',
  tel: 'telephone',
  tjrs: 'toujours',
  mtn: 'maintenant',
  qd: 'quand',
  qnd: 'quand',
  pq: 'pourquoi',
  pk: 'pourquoi',
  hr: 'heure',
  hrs: 'hours',
  hs: 'casse',
  pkg: 'package',
  pkge: 'package',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  wknd: 'weekend',
  asap: 'urgent',
  ord: 'order',
  deliv: 'delivery',
  addy: 'address',
  adr: 'adresse',
  num: 'numero',
};

export function expandSlang(folded: string): string {
  return SLANG[folded] ?? folded;
}

// Longest first. Each removal must leave at least MIN_STEM letters.
const SUFFIXES = [
  'issements', 'issement', 'ements', 'ement', 'ations', 'ation', 'itions', 'ition', 'atrices', 'atrice',
  'ateurs', 'ateur', 'aisons', 'aison', 'euses', 'euse', 'eurs', 'eur', 'ables', 'able', 'ibles', 'ible',
  'iques', 'ique', 'istes', 'iste', 'ments', 'ment', 'nesses', 'ness', 'ures', 'ure', 'ings', 'ing',
  'aient', 'ait', 'ais', 'ages', 'age', 'ions', 'ons', 'edly', 'ied', 'ies', 'ees', 'ee', 'ed', 'er', 'ez', 'es', 'ly',
  'e', 's', 'x', 'y',
];
const MIN_STEM = 3;

function stripOnce(word: string): string {
  if (word.length <= MIN_STEM + 1) return word;
  for (const suffix of SUFFIXES) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM) {
      const base = word.slice(0, -suffix.length);
      // A doubled final consonant (shipped, annulle) folds to one.
      const last = base.at(-1) ?? '';
      return base.length > MIN_STEM && last === base.at(-2) && !'aeiou'.includes(last) ? base.slice(0, -1) : base;
    }
  }
  return word;
}

/**
 * A light stemmer shared by both languages (the same function runs on the
 * message and on the library, so both sides meet): strips up to two endings.
 * livraison/livrer/livrée -> livr; remboursement/rembourser/remboursé -> rembour;
 * delivery/delivered/deliver -> deliv; horaires/horaire -> horair.
 */
export function stem(folded: string): string {
  if (/^\d+$/.test(folded)) return folded;
  return stripOnce(stripOnce(folded));
}

/**
 * Topics customers ask about, in both languages, as folded word beginnings:
 * a message word and a library word that share a topic meet through an extra
 * `#topic` term, so "colis" meets "livraison" and "refund" meets "rembourser".
 */
const TOPICS: Record<string, string[]> = {
  hours: ['horair', 'heure', 'hour', 'ouvert', 'ouvr', 'ferme', 'fermet', 'closed', 'closing', 'open', 'schedul', 'dimanch', 'sunday', 'samedi', 'saturday', 'weekend', 'ferie'],
  delivery: ['livr', 'deliv', 'colis', 'coli', 'parcel', 'packag', 'expedi', 'envoi', 'envoy', 'ship', 'postal', 'poste', 'transporteur', 'courier', 'carrier', 'arriv', 'receiv', 'recu'],
  tracking: ['suivi', 'suivre', 'track', 'statut', 'status'],
  refund: ['rembour', 'refund', 'argent', 'money', 'rendre'],
  returns: ['retour', 'return', 'renvoy', 'renvoi', 'echang', 'exchang', 'rendre'],
  order: ['command', 'order', 'achat', 'achet', 'purchas', 'bought'],
  price: ['prix', 'price', 'tarif', 'cout', 'cost', 'combien', 'cher'],
  stock: ['stock', 'disponib', 'dispo', 'availab', 'rupture', 'restock', 'reassort'],
  payment: ['paiement', 'payer', 'paye', 'pay', 'carte', 'card', 'paypal', 'factur', 'invoic', 'billing'],
  broken: ['casse', 'broken', 'damag', 'abime', 'endommag', 'defectu', 'defect', 'fonctionn', 'marche'],
  cancel: ['annul', 'cancel'],
  late: ['retard', 'late', 'delay', 'perdu', 'lost', 'bloque', 'stuck'],
  later: ['revien', 'reviendr', 'recontact', 'rappel', 'touch'],
  away: ['absent', 'absenc', 'away', 'conge', 'vacanc', 'holiday', 'ferme', 'closed', 'ferie'],
  size: ['taille', 'size', 'pointure', 'sizing'],
  address: ['adress', 'addres'],
  appointment: ['rendez', 'appointment', 'reserv', 'book'],
};

const TOPIC_OF = new Map<string, string[]>();
for (const [topic, prefixes] of Object.entries(TOPICS)) {
  for (const p of prefixes) TOPIC_OF.set(p, [...(TOPIC_OF.get(p) ?? []), `#${topic}`]);
}
const LONGEST_TOPIC_PREFIX = Math.max(...[...TOPIC_OF.keys()].map((k) => k.length));

/** Topic terms (prefixed `#`) of a folded word: those of its longest listed beginning. */
export function topicsOf(folded: string): string[] {
  for (let n = Math.min(folded.length, LONGEST_TOPIC_PREFIX); n >= 3; n--) {
    const found = TOPIC_OF.get(folded.slice(0, n));
    if (found) return [...found];
  }
  return [];
}

export interface Term {
  surface: string;
  folded: string;
  stem: string;
  /** Topic terms (`#delivery`...) this word brings. */
  topics: string[];
}

// "pas reçu", "never arrived", "not delivered": a negated arrival means a late or lost parcel.
const NEGATIONS = new Set(['pas', 'jamais', 'toujours', 'not', 'never', 'didnt', 'didn', 'hasnt', 'hasn', 'havent', 'haven', 'still', 'yet']);
const ARRIVAL = /^(recu|arriv|livr|received|arrived|deliver|got|come|came)/;

interface WordInfo {
  folded: string;
  negation: boolean;
  parts: Array<{ folded: string; stem: string; topics: string[]; arrival: boolean }>;
}

// Libraries repeat the same words thousands of times: analyse each written form once.
const WORD_CACHE = new Map<string, WordInfo>();

function analyse(surface: string): WordInfo {
  let info = WORD_CACHE.get(surface);
  if (info) return info;
  const folded = fold(surface);
  info = {
    folded,
    negation: NEGATIONS.has(folded),
    // Slang can expand to several words ("rendez-vous").
    parts: expandSlang(folded)
      .split('-')
      .filter((part) => part.length >= 2 && !isStopWord(part))
      .map((part) => ({ folded: part, stem: stem(part), topics: topicsOf(part), arrival: ARRIVAL.test(part) })),
  };
  if (WORD_CACHE.size > 100_000) WORD_CACHE.clear();
  WORD_CACHE.set(surface, info);
  return info;
}

/** Message or library text -> content terms (no stop words), in order. */
export function terms(text: string): Term[] {
  const out: Term[] = [];
  let sinceNegation = Infinity;
  for (const m of text.toLowerCase().matchAll(WORD_RE)) {
    const surface = m[0];
    const info = analyse(surface);
    sinceNegation = info.negation ? 0 : sinceNegation + 1;
    for (const part of info.parts) {
      const late = sinceNegation <= 2 && part.arrival;
      out.push({ surface, folded: part.folded, stem: part.stem, topics: late ? [...part.topics, '#late'] : part.topics });
    }
  }
  return out;
}
