import { describe, expect, it } from 'vitest';
import { rankSavedReplies, type RankableReply } from '../../../utils/replies/rank';
import { LIBRARY } from './library.fixture';

const top3 = (message: string, locale?: string) => rankSavedReplies(message, LIBRARY, { locale, limit: 3 }).map((r) => r.id);

// [customer message, ids any of which must be in the top 3]
const CASES: Array<[string, string[]]> = [
  ['Bonjour, vous êtes ouverts le dimanche ?', ['hours-fr']],
  ['Quels sont vos horraires svp', ['hours-fr']],
  ['wsh vous ouvrez a quelle heure samedi', ['hours-fr']],
  ['What time do you open on Saturday?', ['hours-en']],
  ['opning hours pls', ['hours-en']],
  ['Mon colis n’est toujours pas arrivé !!', ['lost-parcel-fr', 'delivery-fr']],
  ['livriason combien de jours ?', ['delivery-fr']],
  ['Wen will my pakage be deliverd', ['delivery-en', 'lost-parcel-en']],
  ['je veux me faire rembourser', ['returns-fr']],
  ['remboursment stp', ['returns-fr']],
  ['How do I return an item and get a refund?', ['returns-en']],
  ['Hi where is my order??', ['order-status-en']],
  ['Bonjour, où en est ma cmd ? Le suivi ne bouge plus', ['order-status-fr', 'lost-parcel-fr']],
  ['Hello, ma commande 12345 n’est pas arrivée', ['lost-parcel-fr', 'order-status-fr', 'delivery-fr']],
  ['Est-ce que je peux payer en plusieurs fois ?', ['payment-methods-fr']],
  ['do u take paypal', ['payment-methods-en']],
  ['J’ai reçu un article cassé', ['damaged-fr']],
  ['the mug arrived broken :(', ['damaged-en']],
  ['can i exchange for a bigger size', ['size-exchange-en']],
  ['C’est dispo en taille M ?', ['stock-fr', 'size-guide-fr', 'size-exchange-fr']],
  ['Do you have this in stock?', ['stock-en']],
  ['le code promo marche pas', ['promo-code-fr']],
  ['discount code doesnt work', ['promo-code-en']],
  ['Je veux annuler ma commande', ['cancel-fr']],
  ['I want to cancel my order', ['cancel-en']],
  ['Où se trouve votre magasin ?', ['store-location-fr']],
  ['Combien coûte la livraison en Belgique ?', ['international-fr', 'shipping-cost-fr']],
  ['Do you ship to Canada?', ['international-en']],
  ['j’ai oublié mon mot de passe', ['password-fr']],
  ['Vous recrutez ? je cherche un emploi', ['jobs-fr']],
  ['facture svp', ['invoice-fr']],
  ['can I get an invoice for my purchase', ['invoice-en']],
  ['Je voudrais changer mon adresse de livraison', ['address-change-fr']],
  ['Il manque un article dans mon colis', ['missing-item-fr']],
  ['vous êtes fermés pour noël ?', ['holidays-fr', 'away-fr']],
  ['Garantie ? mon grille-pain est en panne', ['warranty-fr']],
  ['comment laver le pull ?', ['care-fr']],
  ['Do you do gift cards?', ['gift-card-en']],
  ['je peux récupérer ma commande en boutique ?', ['click-collect-fr']],
  ['Bonjour, je voudrais prendre rdv pour un essayage', ['appointment-fr']],
  ['Hi, je voudrais un refund svp', ['returns-fr', 'returns-en']],
  ['yo c quoi vos horaires le we', ['hours-fr']],
  ['Bonjour je n’ai tjrs pas reçu mon coli', ['lost-parcel-fr', 'delivery-fr']],
  ['PAIEMENT EN 3 FOIS POSSIBLE ???', ['payment-methods-fr']],
];

const UNRELATED = [
  'J’adore la photo de votre chat haha',
  'What is the weather like in Paris today?',
  'Joyeux anniversaire Marie !',
  'lol 😂😂',
  'ok merci beaucoup, bonne soirée',
  'Thanks a lot, have a great evening!',
  'Qui a gagné le match hier soir ?',
];

describe('rankSavedReplies on a realistic bilingual library', () => {
  it('uses a library of 60+ replies in both languages', () => {
    expect(LIBRARY.length).toBeGreaterThanOrEqual(60);
    expect(new Set(LIBRARY.map((r) => r.language))).toEqual(new Set(['fr', 'en']));
  });

  it.each(CASES)('%s', (message, expected) => {
    const ids = top3(message);
    expect(ids.some((id) => expected.includes(id)), `top 3 was ${JSON.stringify(ids)}`).toBe(true);
  });

  it.each(UNRELATED)('no suggestion for an unrelated message: %s', (message) => {
    expect(rankSavedReplies(message, LIBRARY)).toEqual([]);
  });
});

describe('rankSavedReplies behaviour', () => {
  it('returns best first, each with a score and the words that matched (as written)', () => {
    const results = rankSavedReplies('Mon colis n’est pas livré, je veux être remboursé', LIBRARY, { limit: 5 });
    expect(results.length).toBeGreaterThan(0);
    for (let i = 1; i < results.length; i++) expect(results[i - 1]!.score).toBeGreaterThanOrEqual(results[i]!.score);
    for (const r of results) {
      expect(r.reply.id).toBe(r.id);
      expect(typeof r.score).toBe('number');
      expect(r.matchedWords.length).toBeGreaterThan(0);
      expect(r.matched).toEqual(r.matchedWords);
    }
    expect(results.flatMap((r) => r.matchedWords)).toContain('colis');
  });

  it('ignores accents and case', () => {
    const a = rankSavedReplies('LIVRAISON À L’ÉTRANGER', LIBRARY, { limit: 1 });
    const b = rankSavedReplies('livraison a l etranger', LIBRARY, { limit: 1 });
    expect(a[0]?.id).toBe('international-fr');
    expect(b[0]?.id).toBe(a[0]?.id);
  });

  it('prefers the conversation language when both languages match', () => {
    expect(top3('horaires / opening hours', 'fr')[0]).toBe('hours-fr');
    expect(top3('horaires / opening hours', 'en-GB')[0]).toBe('hours-en');
  });

  it('detects the language from the message when no locale is given', () => {
    expect(top3('Bonjour, quels sont vos horaires ?')[0]).toBe('hours-fr');
    expect(top3('Hello, what are your opening hours?')[0]).toBe('hours-en');
  });

  it('weights titles and tags above the body', () => {
    const library: RankableReply[] = [
      ...LIBRARY,
      { id: 'body', title: 'Divers', body: 'Parfois la consigne couvre ceci, parfois non.', language: 'fr', tags: [] },
      { id: 'title', title: 'Consigne', body: 'Deux ans sur tous les produits.', language: 'fr', tags: [] },
      { id: 'tag', title: 'Après-vente', body: 'Deux ans sur tous les produits.', language: 'fr', tags: ['consigne'] },
    ];
    const ids = rankSavedReplies('consigne', library).map((r) => r.id);
    expect(ids).toContain('title');
    expect(ids).toContain('tag');
    // A lone body word may even fall under the relevance floor; it never comes first.
    const rankOf = (id: string) => (ids.includes(id) ? ids.indexOf(id) : Infinity);
    expect(rankOf('body')).toBeGreaterThan(rankOf('title'));
    expect(rankOf('body')).toBeGreaterThan(rankOf('tag'));
  });

  it('honours the limit', () => {
    expect(rankSavedReplies('commande livraison colis retour', LIBRARY, { limit: 2 })).toHaveLength(2);
    expect(rankSavedReplies('commande', LIBRARY, { limit: 0 })).toEqual([]);
  });

  it('handles an empty library, empty message and items without tags', () => {
    expect(rankSavedReplies('colis', [])).toEqual([]);
    expect(rankSavedReplies('   ', LIBRARY)).toEqual([]);
    const loose = [{ id: 'x', title: 'Livraison', body: 'Sous 3 jours', language: 'any' }] as unknown as RankableReply[];
    expect(rankSavedReplies('livraison ?', loose).map((r) => r.id)).toEqual(['x']);
  });

  it('rebuilds its cache when the library array changes, and reuses it otherwise', () => {
    const library = LIBRARY.slice(0, 10);
    const first = rankSavedReplies('horaires', library);
    expect(rankSavedReplies('horaires', library)).toEqual(first);
    const edited = library.map((r) => (r.id === 'hours-fr' ? { ...r, title: 'Autre', tags: [], body: 'Rien.', shortcut: undefined } : r));
    expect(rankSavedReplies('horaires', edited).map((r) => r.id)).not.toContain('hours-fr');
  });
});
