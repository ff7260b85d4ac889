import type { DraftContext, RuleId } from '../../../utils/draft';

/**
 * Realistic drafts, written the way community managers and support agents
 * answer on Messenger and in comments. Each lists the rule ids it must raise;
 * every other rule must stay silent (the test compares the exact set).
 * Default context: agent "Marie", company names "Acme" and "Maison Lumière",
 * private message, window open, no saved replies.
 */
export interface CorpusCase {
  name: string;
  text: string;
  ctx?: Partial<DraftContext>;
  present: RuleId[];
}

export const BASE_CONTEXT: DraftContext = { agentName: 'Marie', companyNames: ['Acme', 'Maison Lumière'] };
/** A second Page: a florist whose agent is Sophie. */
const FLORIST: Partial<DraftContext> = { agentName: 'Sophie', companyNames: ['Les Jardins de Léa', 'JDL'] };

const SAVED_RETURNS_FR =
  'Bonjour {first_name}, pour retourner un article vous disposez de 30 jours après réception. Le bon de retour est disponible dans votre espace client, rubrique Mes commandes. Le remboursement intervient sous 14 jours après réception du colis par notre entrepôt.';
const SAVED_HOURS_EN =
  'Hi [name], our shop is open Monday to Saturday from 10am to 7pm, and on Sundays from 11am to 5pm. Our customer service answers on Messenger during those hours.';

export const CORPUS: CorpusCase[] = [
  // ——— Clean, well-signed replies (French) ———
  { name: 'fr short signed Cordialement', text: 'Bonjour Julie,\n\nVotre colis est parti ce matin, vous le recevrez jeudi.\n\nCordialement,\nMarie', present: [] },
  { name: 'fr Bonne journée ! then name', text: 'Bonjour Karim,\nLe remboursement a été fait hier, il apparaîtra sous 3 à 5 jours sur votre compte.\nBonne journée !\nMarie', present: [] },
  { name: 'fr name with emoji', text: 'Bonsoir Léa 😊\nOui, la robe existe aussi en taille 38, elle revient en stock lundi.\nBelle soirée,\nMarie 🌸', present: [] },
  { name: 'fr dash sign-off', text: 'Bonjour, le magasin de Lyon est ouvert ce dimanche de 10 h à 18 h.\n— Marie', present: [] },
  { name: 'fr single line closing then name', text: 'Bonjour Paul, c’est corrigé, votre adresse de livraison est bien à jour. Belle soirée ! Marie', present: [] },
  { name: 'fr name de l’équipe', text: 'Bonjour Sophie,\nNous avons bien retrouvé votre commande, elle sera livrée demain avant 13 h.\nMarie, de l’équipe Acme', present: [] },
  { name: 'fr name de l’équipe without comma', text: 'Bonjour, votre bon d’achat est valable jusqu’au 31 décembre sur tout le site.\nMarie de l’équipe Maison Lumière', present: [] },
  { name: 'fr À bientôt, Marie', text: 'Coucou Inès ! Oui on livre en Belgique, comptez 3 jours ouvrés. À bientôt, Marie', present: [] },
  { name: 'fr hyphen sign-off', text: 'Bonjour Marc,\nLe code promo NOEL15 fonctionne jusqu’à dimanche minuit, il suffit de le saisir dans le panier.\n- Marie', present: [] },
  { name: 'fr colleague signs after Cordialement', text: 'Bonjour Madame Petit,\nVotre échange a bien été enregistré, la nouvelle paire part aujourd’hui.\nCordialement,\nJulie', present: [] },
  { name: 'fr full name sign-off', text: 'Bonjour Hugo,\nLa garantie couvre bien la panne que vous décrivez, l’atelier vous rappelle demain.\nBien à vous,\nMarie Lefèvre', present: [] },
  { name: 'fr quick thanks too short to sign', text: 'Merci beaucoup Clara ! 😍', present: [] },
  { name: 'fr quick answer too short to sign', text: 'Avec plaisir, bonne journée !', present: [] },
  { name: 'fr acronyms are not shouting', text: 'Bonjour, la facture PDF avec la TVA est dans votre espace client, le SAV l’a renvoyée ce matin.\nBonne journée,\nMarie', present: [] },
  { name: 'fr order code not shouting', text: 'Bonjour Nadia, la commande CMD-48213 est bien partie avec DHL, vous recevrez un SMS de suivi.\nBonne soirée,\nMarie', present: [] },
  { name: 'fr name inside body is not a sign-off', text: 'Bonjour, j’ai transmis votre demande à Marie qui s’occupe des retours.\nElle vous répond dans la journée.', present: ['missing-sign-off'] },
  { name: 'fr body ends with a colleague name in a sentence', text: 'Bonjour Thomas, pour la personnalisation de la gravure, c’est Julien à l’atelier qui vous contactera', present: ['missing-sign-off'] },
  { name: 'fr answer first then thanks', text: 'Bonjour Amélie, votre carte cadeau est activée, merci pour votre patience !\nMarie', present: [] },
  { name: 'fr merci with the answer in the same sentence', text: 'Bonjour, merci pour votre message, votre commande est partie ce matin en Colissimo.\nMarie', present: [] },
  { name: 'fr steps already numbered', text: 'Bonjour Lucie, pour retourner l’article :\n1. Connectez-vous à votre compte\n2. Cliquez sur Mes commandes puis sur Retourner\n3. Imprimez l’étiquette et déposez le colis en point relais\nBonne journée,\nMarie', present: [] },
  { name: 'fr bullet steps', text: 'Bonjour,\n- allez dans Paramètres\n- puis dans Notifications\n- ensuite activez les e-mails\nMarie', present: [] },

  // ——— French drafts that need work ———
  { name: 'fr company sign-off L’équipe', text: 'Bonjour Julie,\nVotre colis est parti ce matin, vous le recevrez jeudi.\nCordialement,\nL’équipe Acme', present: ['company-sign-off'] },
  { name: 'fr company sign-off Le service client', text: 'Bonjour,\nNous sommes désolés pour ce retard, un geste commercial vous a été accordé.\nLe service client', present: ['company-sign-off'] },
  { name: 'fr company sign-off Le service client Acme single line', text: 'Bonjour Kevin, votre avoir de 20 € est disponible sur votre compte. Bonne journée ! Le service client Acme', present: ['company-sign-off'] },
  { name: 'fr company name alone', text: 'Bonjour Émilie,\nLa collection d’hiver arrive en boutique le 15 novembre.\nÀ très vite,\nMaison Lumière', present: ['company-sign-off'] },
  { name: 'fr Toute l’équipe', text: 'Merci Sandrine pour ce joli message, ça nous touche beaucoup !\nToute l’équipe Acme 💛', present: ['company-sign-off'] },
  { name: 'fr team word after name of brand', text: 'Bonjour, votre demande de rendez-vous pour samedi 14 h est confirmée.\nCordialement,\nAcme SAV', present: ['company-sign-off'] },
  { name: 'fr Bonne journée ! without name', text: 'Bonjour Sarah,\nLa taille M taille plutôt grand, je vous conseille de prendre la S.\nBonne journée !', present: ['missing-sign-off'] },
  { name: 'fr Cordialement alone', text: 'Bonjour Monsieur Martin,\nVotre dossier de remboursement est en cours de traitement.\nCordialement,', present: ['missing-sign-off'] },
  { name: 'fr wish addressed to the customer', text: 'Votre commande est bien enregistrée, elle part demain matin. Bonne journée Nicolas !', present: ['missing-sign-off'] },
  { name: 'fr no sign-off at all', text: 'Bonjour, les frais de port sont offerts dès 60 € d’achat en France métropolitaine.', present: ['missing-sign-off'] },
  { name: 'fr filler first', text: 'Bonjour Claire,\n\nMerci pour votre message !\n\nLe pull est à nouveau disponible en bleu marine depuis ce matin.\n\nMarie', present: ['key-point-late'] },
  { name: 'fr nous avons bien reçu', text: 'Bonjour,\nNous avons bien reçu votre demande et nous vous en remercions.\nLe colis sera remplacé sans frais.\nMarie', present: ['key-point-late'] },
  { name: 'fr je vous remercie filler', text: 'Bonjour Madame,\nJe vous remercie de nous avoir contactés.\nVotre réclamation est transmise au transporteur, vous aurez une réponse sous 48 h.\nCordialement,\nMarie', present: ['key-point-late'] },
  { name: 'fr long first sentence', text: 'Bonjour Antoine, suite à votre demande concernant la livraison de votre canapé qui devait arriver la semaine dernière et qui a été décalée à cause d’un problème chez notre transporteur partenaire, nous avons fait le point avec eux ce matin. Il arrivera mardi.\nMarie', present: ['key-point-late'] },
  { name: 'fr steps as prose', text: 'Bonjour Élodie,\nPour faire un retour, connectez-vous à votre compte, puis cliquez sur Mes commandes, ensuite choisissez l’article et imprimez l’étiquette. Bonne journée,\nMarie', present: ['steps-as-prose'] },
  { name: 'fr steps with infinitives', text: 'Bonjour, il faut d’abord vous connecter à l’application. Ensuite, allez dans Mon profil. Puis appuyez sur Moyens de paiement et enfin supprimez l’ancienne carte.\nMarie', present: ['steps-as-prose'] },
  { name: 'fr steps with tu', text: 'Salut Tom ! Pour activer ta carte fidélité, ouvre l’appli, va dans l’onglet Avantages, puis clique sur Activer et ensuite scanne le code en caisse 😉\nMarie', present: ['steps-as-prose'] },
  { name: 'fr two steps only is fine', text: 'Bonjour, cliquez sur Mot de passe oublié puis suivez le lien reçu par e-mail.\nMarie', present: [] },
  { name: 'fr shouting caps', text: 'Bonjour, nous vous avons DÉJÀ répondu, le colis est PERDU par le transporteur et nous le remboursons.\nMarie', present: ['shouting'] },
  { name: 'fr shouting marks', text: 'Bonjour Manon, votre commande est bien arrivée en boutique, vous pouvez venir la chercher !!!\nMarie', present: ['shouting'] },
  { name: 'fr whole line in caps', text: 'ATTENTION : LE MAGASIN SERA FERMÉ LUNDI POUR INVENTAIRE.\nMerci de votre compréhension,\nMarie', present: ['shouting'] },
  { name: 'fr placeholder braces', text: 'Bonjour {prénom},\nVotre commande {numero_commande} est prête à être retirée en magasin.\nMarie', present: ['unfilled-placeholder'] },
  { name: 'fr placeholder brackets', text: 'Bonjour [Prénom], votre colis arrivera le [date]. Bonne journée, Marie', present: ['unfilled-placeholder'] },
  { name: 'fr placeholder XXXX', text: 'Bonjour, votre numéro de suivi est le XXXX, vous pouvez suivre le colis sur le site de La Poste.\nMarie', present: ['unfilled-placeholder'] },
  { name: 'fr saved reply pasted as is', text: SAVED_RETURNS_FR.replace('{first_name}', 'Camille') + '\nMarie', ctx: { savedReplies: [SAVED_RETURNS_FR, SAVED_HOURS_EN] }, present: ['unadapted-saved-reply'] },
  {
    name: 'fr saved reply adapted',
    text: 'Bonjour Camille, pas d’inquiétude pour la taille : vous avez 30 jours après réception pour retourner la veste. Le bon de retour est dans votre espace client, rubrique Mes commandes, et le remboursement suit sous 14 jours. Si vous préférez un échange contre la taille L, dites-le-moi et je la mets de côté.\nMarie',
    ctx: { savedReplies: [SAVED_RETURNS_FR, SAVED_HOURS_EN] },
    present: [],
  },
  { name: 'fr window closed', text: 'Bonjour, votre commande a bien été expédiée.\nMarie', ctx: { windowClosed: true }, present: ['window-closed'] },
  { name: 'fr window closed with empty draft', text: '', ctx: { windowClosed: true }, present: ['window-closed'] },
  { name: 'fr empty draft', text: '   \n ', present: [] },

  // ——— Public comments (French) ———
  { name: 'fr public with mobile number', text: 'Bonjour Fabrice, appelez-nous au 06 12 34 56 78, on regarde ça ensemble.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with landline dots', text: 'Bonjour, le magasin est joignable au 01.42.68.53.00 du lundi au samedi.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with +33', text: 'Bonjour Chloé, notre service client est au +33 1 42 68 53 00 de 9 h à 18 h.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with order number', text: 'Bonjour Mme Durand, votre commande n° 458712 est partie hier.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with invoice number', text: 'Bonjour, la facture FA-2024-00871 a été renvoyée sur votre adresse.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with email', text: 'Bonjour Yann, écrivez-nous à sav@acme.fr avec une photo du produit.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with IBAN', text: 'Bonjour, pour le virement utilisez FR76 3000 6000 0112 3456 7890 189 en indiquant votre nom.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public with address', text: 'Bonjour ! Le retour se fait au 12 rue des Lilas, 69003 Lyon, pensez à bien emballer l’article.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public without personal data', text: 'Merci Gaëlle pour ce retour, on vous envoie un message privé pour régler ça 🙏\nMarie', ctx: { publicReply: true }, present: [] },
  { name: 'fr public prices and hours are not personal', text: 'Bonjour ! Oui, le modèle est à 49,90 € et la boutique est ouverte de 10 h à 19 h du 2 au 24 décembre.\nMarie', ctx: { publicReply: true }, present: [] },
  { name: 'fr private reply may hold a phone number', text: 'Bonjour Fabrice, vous pouvez nous appeler au 06 12 34 56 78 pour en parler.\nMarie', present: [] },
  { name: 'fr public date is not a phone', text: 'Bonjour, la vente privée a lieu du 12.03.2025 au 16.03.2025 sur le site.\nMarie', ctx: { publicReply: true }, present: [] },

  // ——— Clean replies (English) ———
  { name: 'en short signed Thanks', text: 'Hi Emma,\nYour order shipped this morning and should arrive on Thursday.\nThanks,\nMarie', present: [] },
  { name: 'en best regards', text: 'Hello James,\nThe refund went through yesterday, please allow 3-5 business days for it to show.\nBest regards,\nMarie', present: [] },
  { name: 'en dash sign-off with emoji', text: 'Hey Sam! Yes, the hoodie comes in XL too, it is back in stock next Monday 🙌\n– Marie', present: [] },
  { name: 'en name from the team', text: 'Hi Olivia,\nWe found your parcel at the depot, it will be delivered tomorrow before noon.\nMarie from the Acme team', present: [] },
  { name: 'en have a great day + name', text: 'Hi Noah, the store on Main St is open until 9pm tonight. Have a great day! Marie', present: [] },
  { name: 'en cheers', text: 'Hi Jack,\nGood news: the replacement part is in, you can pick it up any time this week.\nCheers,\nMarie', present: [] },
  { name: 'en acronyms fine', text: 'Hi Grace, the invoice PDF including VAT is in your account, and you can download it as soon as you log in.\nBest,\nMarie', present: [] },
  { name: 'en ok and FAQ', text: 'Hi Mia, OK, I have updated your address. You will find the delivery times in our FAQ.\nThanks,\nMarie', present: [] },
  { name: 'en body mentions a colleague', text: 'Hi Lucas, I have passed your question to Sarah in our repairs team and she will reply today', present: ['missing-sign-off'] },
  { name: 'en quick thanks', text: 'Thank you so much Ava! ❤️', present: [] },
  { name: 'en answer first then thanks for patience', text: 'Hi Ethan, your new card is on its way. Thanks for your patience!\nMarie', present: [] },

  // ——— English drafts that need work ———
  { name: 'en The Acme Team', text: 'Hi Emma,\nYour order shipped this morning and should arrive on Thursday.\nKind regards,\nThe Acme Team', present: ['company-sign-off'] },
  { name: 'en Customer Service', text: 'Hello, we are sorry about the delay, a voucher has been added to your account.\nCustomer Service', present: ['company-sign-off'] },
  { name: 'en Acme Support one line', text: 'Hi Daniel, your subscription has been cancelled and you will not be charged again. Thanks, Acme Support', present: ['company-sign-off'] },
  { name: 'en Thanks without name', text: 'Hi Chloe,\nThe size guide is on every product page, just under the price.\nThanks!', present: ['missing-sign-off'] },
  { name: 'en thanks addressed to the customer', text: 'We have updated your delivery slot to Saturday morning. Thanks Ryan!', present: ['missing-sign-off'] },
  { name: 'en filler first', text: 'Hi Sophia,\nThank you for reaching out to us!\nThe blue version is back in stock since this morning.\nMarie', present: ['key-point-late'] },
  { name: 'en hope you are well', text: 'Hello Mr Brown,\nI hope this message finds you well.\nYour warranty claim was approved and a new kettle is on its way.\nBest,\nMarie', present: ['key-point-late'] },
  { name: 'en long first sentence', text: 'Hi Liam, regarding the question you asked about the delivery of your sofa that was supposed to arrive last week and was pushed back because of an issue with our delivery partner, I checked with them this morning. It will arrive on Tuesday.\nMarie', present: ['key-point-late'] },
  { name: 'en steps as prose', text: 'Hi Zoe,\nTo reset your password, open the app, then tap Settings, then select Account and finally tap Reset password.\nMarie', present: ['steps-as-prose'] },
  { name: 'en steps across sentences', text: 'Hi! First, log in to your account. Next, go to My orders. After that, click Return item and print the label.\nThanks,\nMarie', present: ['steps-as-prose'] },
  { name: 'en shouting', text: 'Hi, this is the LAST TIME we can offer a free replacement, please read the instructions.\nMarie', present: ['shouting'] },
  { name: 'en repeated question marks', text: 'Hi Leo, did you get the tracking email???\nMarie', present: ['shouting'] },
  { name: 'en placeholders', text: 'Hi <NAME>, your order {{order_id}} is ready for pickup.\nMarie', present: ['unfilled-placeholder'] },
  { name: 'en percent placeholder', text: 'Hello %FIRST_NAME%, we have received your return and the refund will follow shortly.\nMarie', present: ['unfilled-placeholder'] },
  { name: 'en markdown link is not a placeholder', text: 'Hi Ella, the size guide is here: [size guide](https://acme.example/sizes). Best, Marie', present: [] },
  { name: 'en heart is not a placeholder', text: 'Thank you Ruby, we love it <3', present: [] },
  { name: 'en saved reply pasted', text: SAVED_HOURS_EN.replace('[name]', 'Henry') + '\nMarie', ctx: { savedReplies: [SAVED_RETURNS_FR, SAVED_HOURS_EN] }, present: ['unadapted-saved-reply'] },
  { name: 'en too long', text: `Hi Isla,\nYour order left the warehouse this morning. ${'It travels with our usual carrier and you will get a tracking link by e-mail as soon as it is scanned at the first depot. '.repeat(4)}\nBest,\nMarie`, present: ['too-long'] },
  { name: 'en window closed', text: 'Hi, just checking the replacement arrived safely?\nMarie', ctx: { windowClosed: true }, present: ['window-closed'] },

  // ——— Public comments (English) ———
  { name: 'en public with UK phone', text: 'Hi Oscar, please call us on +44 20 7946 0958 so we can sort this out.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public with US phone', text: 'Hi Ella, our support line is (555) 123-4567, open 9 to 5.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public with order number', text: 'Hi Harper, order #A10234 was shipped yesterday.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public with card number', text: 'Hi, the payment failed on the card 4111 1111 1111 1111, can you try another one?\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public with street address', text: 'Hi Jacob, you can drop the parcel at 221 Baker Street any day this week.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public with email', text: 'Hi Amelia, send the photos to help@acme.example and we will take a look.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public fine', text: 'Thanks for the love Evie! We have sent you a DM about your order 💌\nMarie', ctx: { publicReply: true }, present: [] },

  // ——— Mixed cases ———
  { name: 'fr several problems at once', text: 'Bonjour {prénom},\nMerci pour votre message.\nVotre commande n° 784512 est EN RETARD, appelez le 06 98 76 54 32 !!!\nL’équipe Acme', ctx: { publicReply: true }, present: ['unfilled-placeholder', 'sensitive-in-public', 'company-sign-off', 'shouting', 'key-point-late'] },
  { name: 'fr company sign-off with closing on same line', text: 'Bonjour Romain, votre retour est validé et le remboursement part aujourd’hui.\nBien cordialement, l’équipe Acme', present: ['company-sign-off'] },
  { name: 'fr name then team on next line', text: 'Bonjour Alice,\nVotre carte cadeau a été renvoyée sur votre nouvelle adresse e-mail.\nMarie\nService client Acme', present: [] },
  { name: 'fr agent name unknown', text: 'Bonjour, votre colis est en point relais depuis ce matin.\nBonne journée Paul', ctx: { agentName: '' }, present: [] },
  { name: 'en Acme Team without configured names', text: 'Hi Leah, your gift card has been resent to your new e-mail address.\nAcme Team', ctx: { companyNames: [] }, present: ['company-sign-off'] },

  // ——— More sign-off shapes and edge cases ———
  { name: 'fr merci à vous et bonne journée with blank lines', text: 'Bonjour Céline,\n\nOui, nous livrons en Suisse ! Les frais de port sont de 12 €.\n\nMerci à vous et bonne journée,\n\nMarie', present: [] },
  { name: 'fr bonne journée à vous then name with emoji', text: 'Bonjour,\nVotre colis a été remis au transporteur ce matin.\nBonne journée à vous !\nMarie 🙂', present: [] },
  { name: 'fr postscript after the signature', text: 'Bonjour Jeanne,\nVotre commande arrive demain.\nMarie\nPS : pensez à vérifier vos spams pour le mail de suivi.', present: [] },
  { name: 'fr tutoiement bisous', text: 'Hello ! Oui on a encore du 40 en magasin 😉 Passe quand tu veux !\nBisous, Marie', present: [] },
  { name: 'fr MERCI in capitals', text: 'MERCI pour votre fidélité, votre carte est maintenant au niveau Or !\nMarie', present: ['shouting'] },
  { name: 'fr Cordialement then blank line then name', text: 'Bonjour, votre remboursement est validé et apparaîtra sur votre relevé.\nCordialement\n\nMarie', present: [] },
  { name: 'fr full name and job title', text: 'Bonjour Mme Roux,\nNous sommes navrés, le produit est en rupture. Nous vous prévenons dès son retour.\nSincères salutations,\nMarie Dubois\nConseillère clientèle', present: [] },
  { name: 'fr L’équipe SAV', text: 'Bonjour Pierre,\nDésolée pour l’attente ! Le colis est bloqué au dépôt de Rungis, il repart demain.\nL’équipe SAV', present: ['company-sign-off'] },
  { name: 'fr holding reply still wants a name', text: 'Bonjour Julie ! Je regarde ça tout de suite et je reviens vers vous 😊', present: ['missing-sign-off'] },
  { name: 'fr numbers in the body are not personal', text: 'Bonjour, en 2023 nous avons livré 15 000 colis. Merci à tous !\nMarie', ctx: { publicReply: true }, present: [] },
  { name: 'fr après as a preposition is not a step list', text: 'Bonjour, après réception de votre colis nous vérifions l’article puis nous vous remboursons sous 5 jours.\nMarie', present: [] },
  { name: 'fr name then company on next line', text: 'Bonjour,\n\nVotre commande est partie.\n\nBien cordialement,\n\nMarie\nAcme', present: [] },
  { name: 'fr public filler before moving to private', text: 'Merci pour votre message ! Nous revenons vers vous très vite en privé 😊\nMarie', ctx: { publicReply: true }, present: ['key-point-late'] },
  { name: 'fr public shop address', text: 'Bonjour, vous pouvez passer en boutique au 5 avenue Foch à Nice.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr public phone without spaces', text: 'Bonjour, tel : 0612345678\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en talk soon', text: 'Hi there! We do ship to Canada, delivery takes about a week.\nTalk soon,\nMarie', present: [] },
  { name: 'en name at company', text: 'Hi Anna, yes the discount applies to sale items too 😊\nMarie @ Acme', present: [] },
  { name: 'en steps with then twice', text: 'Hi, please go to Settings and tap Privacy. Then select Blocked accounts and remove us from the list. Then restart the app.\nMarie', present: ['steps-as-prose'] },
  { name: 'en public UK national number', text: 'Hi, we will call you at 07700 900123 tomorrow morning.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'en public claim reference', text: 'Hello, your reference is 123456789012 for the claim.\nMarie', ctx: { publicReply: true }, present: ['sensitive-in-public'] },
  { name: 'fr brand in capitals is not shouting', text: 'Bonjour Léo, oui le meuble IKEA que vous avez commandé chez nous est livré monté.\nBonne soirée,\nMarie', present: [] },
  { name: 'en short shouted word', text: 'Hi Max, please do NOT open the box before the courier has left.\nThanks,\nMarie', present: ['shouting'] },

  // ——— Another shop: a florist, agent Sophie ———
  { name: 'fr florist team thanks as the last sentence', text: 'Bonjour,\nToute l’équipe des Jardins de Léa vous remercie pour votre confiance !', ctx: FLORIST, present: ['company-sign-off'] },
  { name: 'fr florist name after an emoji', text: 'Hello Jules ! Tu peux passer à la boutique quand tu veux, on est ouverts jusqu’à 19h 😉 Sophie', ctx: FLORIST, present: [] },
  { name: 'fr florist name with the shop after it', text: 'Bonjour Monique 🌷\n\nOui bien sûr, le bouquet peut être livré samedi matin à Rennes. Il suffit de choisir le créneau 9h-12h au moment de la commande.\n\nBelle journée à vous,\nSophie des Jardins de Léa', ctx: FLORIST, present: [] },
  { name: 'fr florist tracking steps', text: 'Bonjour Anne, pour suivre votre commande : rendez-vous sur notre site, cliquez sur Mon compte puis sur Suivi, et enfin saisissez votre numéro de commande. Bonne journée ! Sophie', ctx: FLORIST, present: ['steps-as-prose'] },
  { name: 'fr florist service client signature and filler', text: 'Bonjour,\n\nMerci de nous avoir contactés. Nous allons étudier votre demande et revenir vers vous rapidement.\n\nCordialement,\nLe service client des Jardins de Léa', ctx: FLORIST, present: ['company-sign-off', 'key-point-late'] },
  { name: 'fr florist numbered with parentheses', text: 'Bonjour Laura,\n1) Connectez-vous\n2) Allez dans Mes commandes\n3) Cliquez sur Retour\nSophie', ctx: FLORIST, present: [] },
  { name: 'fr florist URGENT', text: 'Bonjour, c’est URGENT : merci de nous renvoyer le formulaire signé avant vendredi.\nSophie', ctx: FLORIST, present: ['shouting'] },
  { name: 'en florist brand acronym team', text: 'Hi,\nWe are closed on bank holidays.\nThe JDL team', ctx: FLORIST, present: ['company-sign-off'] },
  { name: 'en florist name then Customer Care', text: 'Good morning Alice, your bouquet will be delivered between 2 and 4pm today.\n\nWarm regards,\nSophie\nCustomer Care', ctx: FLORIST, present: [] },
  { name: 'fr florist public credit note number', text: 'Bonjour, votre avoir n° AV-2291 est valable 1 an. Sophie', ctx: { ...FLORIST, publicReply: true }, present: ['sensitive-in-public'] },
];
