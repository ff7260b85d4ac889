import { describe, expect, it } from 'vitest';
import { checkDraft, detectLocale, type DraftContext } from '../../../utils/draft';
import { findSignOff } from '../../../utils/draft/signoff';
import { findSensitive, ibanValid, luhnValid } from '../../../utils/draft/sensitive';
import { findPlaceholders } from '../../../utils/draft/placeholders';
import { appendSignOff, applyFix, fixFor, numberSteps, replaceSignOff } from '../../../utils/draft/fixes';
import { dice, shingles } from '../../../utils/draft/similarity';
import { fold } from '../../../utils/draft/text';
import { draftContextFrom, isCommentsTab } from '../../../utils/draft/inbox-context';

const ctx: DraftContext = { agentName: 'Marie', companyNames: ['Acme'] };
const rulesOf = (text: string, c: Partial<DraftContext> = {}, s?: Parameters<typeof checkDraft>[2]) =>
  checkDraft(text, { ...ctx, ...c }, s).map((f) => f.rule);

describe('language and messages', () => {
  it.each([
    ['Bonjour, votre colis est parti ce matin.', 'fr'],
    ['Hi, your parcel left this morning.', 'en'],
    ['Merci !', 'fr'],
    ['Thanks for the photo, we love it', 'en'],
    ['', 'en'],
  ])('detects %j as %s', (text, locale) => expect(detectLocale(text)).toBe(locale));

  it('writes messages in the UI language, else in the draft language; rule ids never change', () => {
    const text = 'Bonjour, votre colis est parti ce matin, il arrive demain chez vous.';
    const fr = checkDraft(text, ctx);
    const en = checkDraft(text, { ...ctx, uiLocale: 'en' });
    expect(fr.map((f) => f.rule)).toEqual(['missing-sign-off']);
    expect(en.map((f) => f.rule)).toEqual(['missing-sign-off']);
    expect(fr[0]!.message).toMatch(/signature/i);
    expect(fr[0]!.message).toMatch(/prénom/);
    expect(en[0]!.message).toMatch(/first name/);
    expect(checkDraft('Hi, your parcel left this morning and arrives tomorrow at your place.', ctx)[0]!.message).toMatch(/first name/);
  });
});

describe('sign-off parsing', () => {
  const kind = (text: string, c: Partial<DraftContext> = {}) => findSignOff(text, { ...ctx, ...c }).kind;
  it.each([
    ['Texte.\nCordialement,\nMarie', 'agent'],
    ['Texte.\n— Marie 😊', 'agent'],
    ['Texte. Bonne journée ! Marie', 'agent'],
    ['Texte.\nMarie, de l’équipe Acme', 'agent'],
    ['Texte.\nL’équipe Acme (Marie)', 'agent'],
    ['Texte.\nCordialement,\nJulie', 'name'],
    ['Texte.\nCordialement,\nL’équipe Acme', 'company'],
    ['Texte.\nThe Acme Team', 'company'],
    ['Texte.\nAcme', 'company'],
    ['Texte.\nLe service client', 'company'],
    ['Texte.\nBonne journée !', 'closing-only'],
    ['Texte. Bonne journée Paul !', 'closing-only'],
    ['Texte.\nThanks!', 'closing-only'],
    ['J’ai transmis à Marie qui vous rappelle.', 'none'],
    ['Le service client vous rappelle demain.', 'none'],
    ['Parfait !', 'none'],
  ])('%j -> %s', (text, expected) => expect(kind(text)).toBe(expected));

  it('a wish followed by a name signs when the agent is unknown', () => {
    expect(kind('Texte. Bonne journée Paul !', { agentName: '' })).toBe('name');
  });

  it('gives the span of the company signature', () => {
    const text = 'Votre colis est parti.\nBien cordialement, l’équipe Acme 🙂';
    const s = findSignOff(text, ctx);
    expect(s.kind).toBe('company');
    expect(text.slice(s.signer!.start, s.signer!.end)).toBe('l’équipe Acme');
  });
});

describe('sensitive data', () => {
  const kinds = (text: string) => findSensitive(text).map((m) => [m.kind, text.slice(m.start, m.end)]);
  it.each([
    ['Appelez le 06 12 34 56 78 svp', [['phone', '06 12 34 56 78']]],
    ['Tél. 01.42.68.53.00', [['phone', '01.42.68.53.00']]],
    ['au +33 6 12 34 56 78', [['phone', '+33 6 12 34 56 78']]],
    ['au +33 (0)6 12 34 56 78', [['phone', '+33 (0)6 12 34 56 78']]],
    ['call +1 415-555-0132', [['phone', '+1 415-555-0132']]],
    ['mail: jean.dupont+sav@exemple.fr.', [['email', 'jean.dupont+sav@exemple.fr']]],
    ['commande n° 458712 partie', [['order', '458712']]],
    ['order #A10234 shipped', [['order', 'A10234']]],
    ['facture FA-2024-00871', [['order', 'FA-2024-00871']]],
    ['IBAN FR76 3000 6000 0112 3456 7890 189', [['iban', 'FR76 3000 6000 0112 3456 7890 189']]],
    ['card 4111 1111 1111 1111', [['card', '4111 1111 1111 1111']]],
    ['au 12 bis rue de la Paix', [['address', '12 bis rue de la Paix']]],
    ['à 75011 Paris', [['address', '75011 Paris']]],
    ['49,90 € le 12/03/2025 de 9 h à 18 h', []],
    ['numéro 4111 1111 1111 1112 invalide', []],
    ['il reste 1 place disponible', []],
  ])('%j', (text, expected) => expect(kinds(text)).toEqual(expected));

  it('checks IBAN and card checksums', () => {
    expect(ibanValid('FR7630006000011234567890189')).toBe(true);
    expect(ibanValid('FR7630006000011234567890188')).toBe(false);
    expect(luhnValid('4111111111111111')).toBe(true);
    expect(luhnValid('4111111111111112')).toBe(false);
  });

  it('only matters in public replies', () => {
    expect(rulesOf('Bonjour, écrivez à sav@acme.fr.\nMarie')).toEqual([]);
    expect(rulesOf('Bonjour, écrivez à sav@acme.fr.\nMarie', { publicReply: true })).toEqual(['sensitive-in-public']);
  });
});

describe('placeholders', () => {
  it.each([
    ['Bonjour {first_name},', ['{first_name}']],
    ['Hi {{ customer.name }}!', ['{{ customer.name }}']],
    ['Bonjour [Prénom] [NOM]', ['[Prénom]', '[NOM]']],
    ['Dear <NAME>,', ['<NAME>']],
    ['Hello %FIRST_NAME%', ['%FIRST_NAME%']],
    ['suivi : XXXX', ['XXXX']],
    ['date : ____', ['____']],
    ['see [the guide](https://x.example) <3 :)', []],
  ])('%j', (text, expected) => expect(findPlaceholders(text).map((s) => text.slice(s.start, s.end))).toEqual(expected));

  it('capitals inside a gap are not shouting', () => {
    expect(new Set(rulesOf('Bonjour [NOM], votre commande XXXX est prête.\nMarie'))).toEqual(new Set(['unfilled-placeholder']));
  });
});

describe('shouting', () => {
  it('merges neighbouring capital words into one span and accepts configured acronyms', () => {
    const text = 'C’EST TRÈS URGENT, merci de répondre.\nMarie';
    const f = checkDraft(text, ctx).filter((x) => x.rule === 'shouting');
    expect(f.map((x) => text.slice(x.start, x.end))).toEqual(['C’EST TRÈS URGENT']);
    expect(rulesOf('Le code IKEA15 et la marque LOXAM sont ok.\nMarie', {}, { acronyms: ['loxam'] })).toEqual([]);
    expect(rulesOf('Le code IKEA15 et la marque LOXAM sont ok.\nMarie')).toEqual(['shouting']);
  });
  it('a lone unknown short word in capitals is a brand; short shouted words are not', () => {
    expect(rulesOf('Votre meuble IKEA est livré demain matin.\nMarie')).toEqual([]);
    expect(rulesOf('Ce n’est PAS possible de changer la date.\nMarie')).toEqual(['shouting']);
    expect(rulesOf('Please read the LAST PAGE of the manual.\nMarie')).toEqual(['shouting']);
  });
});

describe('thresholds and switches', () => {
  const long = `Bonjour, ${'votre colis est en route et arrivera bientôt. '.repeat(14)}\nMarie`;
  it('too-long is a tip past 500 and a warning past 1,000 characters', () => {
    expect(checkDraft(long, ctx).find((f) => f.rule === 'too-long')?.severity).toBe('info');
    expect(checkDraft(long + long, ctx).find((f) => f.rule === 'too-long')?.severity).toBe('warn');
    expect(rulesOf(long, {}, { maxLength: 2000, hardMaxLength: 3000 })).not.toContain('too-long');
  });
  it('a disabled rule says nothing', () => {
    expect(rulesOf('Bonjour, votre colis est parti ce matin et arrive demain.', {}, { enabled: { 'missing-sign-off': false } as never })).toEqual([]);
  });
  it('key-point-late follows its threshold', () => {
    const text = 'Bonjour, votre colis est parti ce matin de notre entrepôt de Lyon avec le transporteur habituel.\nMarie';
    expect(rulesOf(text)).toEqual([]);
    expect(rulesOf(text, {}, { keyPointMaxChars: 40 })).toEqual(['key-point-late']);
  });
  it('the saved-reply threshold decides what counts as unchanged', () => {
    const saved = 'Bonjour, nos horaires sont du lundi au samedi de 10 h à 19 h, le dimanche de 11 h à 17 h.';
    const text = `${saved} Et oui, le magasin de Lyon fait aussi les retouches !\nMarie`;
    expect(rulesOf(text, { savedReplies: [saved] })).toEqual([]);
    expect(rulesOf(text, { savedReplies: [saved] }, { savedReplySimilarity: 60 })).toEqual(['unadapted-saved-reply']);
  });
  it('window-closed speaks even for an empty draft; nothing else does', () => {
    expect(rulesOf('', { windowClosed: true })).toEqual(['window-closed']);
    expect(rulesOf('  ')).toEqual([]);
  });
});

describe('robustness', () => {
  it('never throws on odd input', () => {
    for (const text of ['\u0000', '🙂'.repeat(500), '\n'.repeat(1000), 'a'.repeat(20000), '((((((((((', '{'.repeat(300), '\ud83d']) {
      expect(() => checkDraft(text, { ...ctx, savedReplies: [text, '', 'x'], publicReply: true })).not.toThrow();
    }
    expect(() => checkDraft(undefined as never, { agentName: null, companyNames: null } as never)).not.toThrow();
  });
  it('keeps offsets valid (fold keeps length)', () => {
    const text = 'Œuvre ÉTÉ’s ﬁ İ façade';
    expect(fold(text)).toHaveLength(text.length);
  });
  it('similarity is 1 for identical texts and low for unrelated ones', () => {
    expect(dice(shingles('Bonjour {prénom}, votre colis est parti'), shingles('Bonjour Julie, votre colis est parti'))).toBeGreaterThan(0.7);
    expect(dice(shingles('a b c d'), shingles('a b c d'))).toBe(1);
    expect(dice(shingles('votre colis est parti'), shingles('our opening hours are'))).toBe(0);
  });
});

describe('fixes', () => {
  it('offers a fix only where it is safe', () => {
    expect(fixFor({ rule: 'missing-sign-off', severity: 'info', message: '' }, { agentName: 'Marie' })).toBe('append-sign-off');
    expect(fixFor({ rule: 'missing-sign-off', severity: 'info', message: '' }, { agentName: '' })).toBeNull();
    expect(fixFor({ rule: 'company-sign-off', severity: 'warn', start: 1, end: 2, message: '' }, { agentName: 'Marie' })).toBe('replace-sign-off');
    expect(fixFor({ rule: 'shouting', severity: 'warn', start: 1, end: 2, message: '' }, { agentName: 'Marie' })).toBeNull();
  });
  it('appends and replaces sign-offs with the first name only', () => {
    expect(appendSignOff('Votre colis est parti.  \n', 'Marie Dupont')).toBe('Votre colis est parti.\n— Marie');
    expect(replaceSignOff('Merci.\nL’équipe Acme', 7, 20, 'Marie')).toBe('Merci.\nMarie');
  });
  it('rewrites a French step paragraph as a list and the result passes the check', () => {
    const text = 'Bonjour Élodie,\nPour faire un retour, connectez-vous à votre compte, puis cliquez sur Mes commandes, ensuite choisissez l’article et imprimez l’étiquette. Bonne journée,\nMarie';
    const finding = checkDraft(text, ctx).find((f) => f.rule === 'steps-as-prose')!;
    const fixed = applyFix('numbered-list', finding, text, ctx)!;
    expect(fixed).toBe(
      'Bonjour Élodie,\nPour faire un retour :\n1. Connectez-vous à votre compte\n2. Cliquez sur Mes commandes\n3. Choisissez l’article\n4. Imprimez l’étiquette\nBonne journée,\nMarie',
    );
    expect(rulesOf(fixed)).toEqual([]);
  });
  it('returns null when the steps are gone', () => {
    expect(numberSteps('Bonjour, tout est bon.', 0)).toBeNull();
  });
  it('a company sign-off fix leaves a clean draft', () => {
    const text = 'Hi Emma, your order shipped this morning.\nKind regards,\nThe Acme Team';
    const finding = checkDraft(text, ctx).find((f) => f.rule === 'company-sign-off')!;
    const fixed = applyFix('replace-sign-off', finding, text, ctx)!;
    expect(fixed).toBe('Hi Emma, your order shipped this morning.\nKind regards,\nMarie');
    expect(rulesOf(fixed)).toEqual([]);
  });
});

describe('context from the inbox', () => {
  it.each([
    ['https://business.facebook.com/latest/inbox/facebook?asset_id=1', true],
    ['https://business.facebook.com/latest/inbox/instagram?asset_id=1', true],
    ['https://www.facebook.com/latest/inbox/instagram/', true],
    ['https://business.facebook.com/latest/inbox/instagram_direct?asset_id=1', false],
    ['https://business.facebook.com/latest/inbox/messenger?asset_id=1', false],
    ['https://business.facebook.com/latest/inbox/all', false],
    ['not a url', false],
  ])('%s is a comments tab: %s', (url, expected) => expect(isCommentsTab(url)).toBe(expected));

  it('derives windowClosed from a found but disabled composer', () => {
    const composer = { found: true, enabled: false, text: '', kind: 'lexical' as const };
    const c = draftContextFrom({ url: 'https://business.facebook.com/latest/inbox/all', composer }, { agentName: 'Marie', companyNames: ['Acme'] }, ['x'], 'fr');
    expect(c).toEqual({ agentName: 'Marie', companyNames: ['Acme'], publicReply: false, savedReplies: ['x'], windowClosed: true, uiLocale: 'fr' });
    expect(draftContextFrom({ url: '', composer: { ...composer, found: false } }, c, [], 'en').windowClosed).toBe(false);
  });
});

describe('linear helpers agree with their slow definitions', () => {
  it('wordCount counts like the word regex', async () => {
    const { wordCount, WORD_RE } = await import('../../../utils/draft/text');
    for (const text of ['', 'Bonjour', "aujourd'hui peut-être l’équipe", 'CMD-48213, 06 12 34 56 78 !', '😀 mot 😀', 'a - b', "l'", 'Ça va ? Très bien.\nÀ demain']) {
      expect(wordCount(text), text).toBe([...text.matchAll(WORD_RE)].length);
    }
  });
  it('order codes need a keyword, # or n° right before them', () => {
    const codes = (text: string) => findSensitive(text).filter((m) => m.kind === 'order').map((m) => text.slice(m.start, m.end));
    expect(codes('Commande CMD-48213 partie')).toEqual(['CMD-48213']);
    expect(codes('Votre COMMANDE N° 4587')).toEqual(['4587']);
    expect(codes('réf. : AB12345')).toEqual(['AB12345']);
    expect(codes('order #a10234')).toEqual(['a10234']);
    expect(codes('le modèle abcdefgh1234 et 2023 ventes')).toEqual([]);
  });
});
