import { describe, expect, it } from 'vitest';
import { detectLanguage, fold, stem, terms, topicsOf } from '../../../utils/replies/text';
import { buildFuzzyIndex, editDistance } from '../../../utils/replies/fuzzy';

describe('text processing', () => {
  it('folds accents, case and ligatures', () => {
    expect(fold('Réservé À NOËL, cœur')).toBe('reserve a noel, coeur');
  });

  it('stems French and English word families together', () => {
    const same = (words: string[]) => expect(new Set(words.map(stem)).size, words.join('/')).toBe(1);
    same(['livraison', 'livrer', 'livree', 'livre']);
    same(['remboursement', 'rembourser', 'rembourse']);
    same(['delivery', 'delivered', 'deliver', 'delivering']);
    same(['horaire', 'horaires']);
    same(['commande', 'commandes', 'commander']);
    same(['return', 'returns', 'returned']);
    expect(stem('12345')).toBe('12345');
  });

  it('drops stop words and greetings, expands slang, splits elisions', () => {
    expect(terms('Wsh, t’as reçu ma cmd ?').map((t) => t.folded)).toEqual(['recu', 'commande']);
    expect(terms('Bonjour, c’est dispo ?').map((t) => t.folded)).toEqual(['disponible']);
    expect(terms('Élégant').map((t) => t.surface)).toEqual(['élégant']);
  });

  it('maps words of both languages to shared topics', () => {
    expect(topicsOf('colis')).toContain('#delivery');
    expect(topicsOf('livraison')).toContain('#delivery');
    expect(topicsOf('refund')).toContain('#refund');
    expect(topicsOf('rembourser')).toContain('#refund');
    expect(topicsOf('chat')).toEqual([]);
  });

  it('detects the language of a message, or null when unsure', () => {
    expect(detectLanguage('Bonjour, je n’ai pas reçu ma commande')).toBe('fr');
    expect(detectLanguage('Hello, I did not get my order')).toBe('en');
    expect(detectLanguage('ok')).toBeNull();
  });
});

describe('typo tolerance', () => {
  it('computes a bounded edit distance with transpositions', () => {
    expect(editDistance('livraison', 'livriason', 2)).toBe(1);
    expect(editDistance('horaires', 'horraires', 2)).toBe(1);
    expect(editDistance('colis', 'chat', 1)).toBe(2);
  });

  it('finds vocabulary words within the allowed edits, none for short words', () => {
    const index = buildFuzzyIndex(['livraison', 'remboursement', 'hour', 'colis']);
    expect(index.near('livriason').map((n) => n.word)).toEqual(['livraison']);
    expect(index.near('rembourssment').map((n) => n.word)).toEqual(['remboursement']);
    expect(index.near('tour')).toEqual([]);
    expect(index.near('colid').map((n) => n.word)).toEqual(['colis']);
    expect(index.near('zzzzz')).toEqual([]);
  });
});
