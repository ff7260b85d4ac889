import type { ReplyDraft } from './types';

/**
 * The starter library: the frequent questions the source articles name
 * (opening hours, returns, order status, delivery, "we'll get back to you",
 * away/closed), in French and English, short and signed with the agent's first
 * name as the articles advise. Seeded once; the user may edit or delete them.
 */
export const STARTER_REPLIES: Array<ReplyDraft & { starterKey: string }> = [
  {
    starterKey: 'hours-fr',
    title: 'Horaires d’ouverture',
    body: 'Bonjour {first_name}, nous sommes ouverts du lundi au vendredi de 9 h à 18 h et le samedi de 10 h à 17 h. {cursor}\nBonne journée, {agent_name}',
    language: 'fr',
    tags: ['horaires', 'ouverture'],
    shortcut: 'horaires',
  },
  {
    starterKey: 'hours-en',
    title: 'Opening hours',
    body: 'Hi {first_name}, we are open Monday to Friday from 9am to 6pm and on Saturday from 10am to 5pm. {cursor}\nHave a nice day, {agent_name}',
    language: 'en',
    tags: ['hours', 'opening'],
    shortcut: 'hours',
  },
  {
    starterKey: 'returns-fr',
    title: 'Retours et remboursements',
    body: 'Bonjour {first_name}, vous avez 30 jours après réception pour nous retourner un article. Dès que nous recevons le colis, le remboursement est fait sous 5 jours ouvrés sur votre moyen de paiement. {cursor}\nBelle journée, {agent_name}',
    language: 'fr',
    tags: ['retour', 'remboursement', 'échange'],
    shortcut: 'retour',
  },
  {
    starterKey: 'returns-en',
    title: 'Returns and refunds',
    body: 'Hi {first_name}, you have 30 days after delivery to return an item. Once we receive the parcel, the refund is made within 5 business days to your original payment method. {cursor}\nBest, {agent_name}',
    language: 'en',
    tags: ['returns', 'refund', 'exchange'],
    shortcut: 'return',
  },
  {
    starterKey: 'order-status-fr',
    title: 'Suivi de commande',
    body: 'Bonjour {first_name}, pouvez-vous m’envoyer votre numéro de commande ? Je regarde où elle en est et je vous réponds tout de suite. {cursor}\n{agent_name}',
    language: 'fr',
    tags: ['commande', 'suivi', 'statut'],
    shortcut: 'suivi',
  },
  {
    starterKey: 'order-status-en',
    title: 'Order status',
    body: 'Hi {first_name}, could you send me your order number? I will check where it is and get back to you right away. {cursor}\n{agent_name}',
    language: 'en',
    tags: ['order', 'status', 'tracking'],
    shortcut: 'status',
  },
  {
    starterKey: 'delivery-fr',
    title: 'Délais de livraison',
    body: 'Bonjour {first_name}, les commandes partent sous 24 h et la livraison prend 2 à 4 jours ouvrés en France métropolitaine. Vous recevez le lien de suivi du colis par e-mail dès l’expédition. {cursor}\n{agent_name}',
    language: 'fr',
    tags: ['livraison', 'colis', 'expédition'],
    shortcut: 'livraison',
  },
  {
    starterKey: 'delivery-en',
    title: 'Delivery times',
    body: 'Hi {first_name}, orders ship within 24 hours and delivery takes 2 to 4 business days. You will get the parcel tracking link by email as soon as it ships. {cursor}\n{agent_name}',
    language: 'en',
    tags: ['delivery', 'shipping', 'parcel'],
    shortcut: 'delivery',
  },
  {
    starterKey: 'later-fr',
    title: 'Nous revenons vers vous',
    body: 'Merci {first_name} pour votre message ! Je vérifie et je reviens vers vous très vite. {cursor}\n{agent_name}',
    language: 'fr',
    tags: ['attente', 'vérification'],
    shortcut: 'reviens',
  },
  {
    starterKey: 'later-en',
    title: 'We’ll get back to you',
    body: 'Thanks for your message, {first_name}! I am looking into it and will get back to you shortly. {cursor}\n{agent_name}',
    language: 'en',
    tags: ['follow-up', 'checking'],
    shortcut: 'later',
  },
  {
    starterKey: 'away-fr',
    title: 'Absence / boutique fermée',
    body: 'Bonjour {first_name}, notre équipe est absente en ce moment (la boutique est fermée). Nous vous répondrons dès notre retour, à l’ouverture. Merci de votre patience ! {agent_name}',
    language: 'fr',
    tags: ['absence', 'fermé', 'congés'],
    shortcut: 'absent',
  },
  {
    starterKey: 'away-en',
    title: 'Away / closed',
    body: 'Hi {first_name}, our team is away right now (the shop is closed). We will answer as soon as we are back at opening time. Thanks for your patience! {agent_name}',
    language: 'en',
    tags: ['away', 'closed', 'holiday'],
    shortcut: 'away',
  },
];
