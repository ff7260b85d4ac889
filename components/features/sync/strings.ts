import { defineMessages, joinMessages } from '../../../utils/i18n';
import { syncTitleStrings } from './feature';
import { syncOptionsOnlyStrings } from './options-strings';

/** The sync status line's strings (sidebar footer, popup): the content script ships them in the footer's lazy chunk. */
export const syncStatusStrings = defineMessages({
  en: {
    state_off: 'Team sync off',
    state_idle: 'Synced',
    state_pushing: 'Sending…',
    state_pulling: 'Receiving…',
    state_error: 'Sync problem',
    error_unreachable: 'Server unreachable: records wait and go later.',
    error_unauthorized: 'Wrong user name or password.',
    error_forbidden: 'The server refused: this user is not a member of the team database.',
    error_not_found: 'No such team database on the server.',
    error_permission: 'Access to the server was not granted in the browser.',
    error_server: 'The server failed; it will be tried again.',
    lastSync: (when: string) => `Last sync ${when}`,
    never: 'never synced',
    waiting: (n: number) => (n === 1 ? '1 record waiting' : `${n} records waiting`),
  },
  fr: {
    state_off: 'Synchronisation désactivée',
    state_idle: 'Synchronisé',
    state_pushing: 'Envoi…',
    state_pulling: 'Réception…',
    state_error: 'Problème de synchronisation',
    error_unreachable: 'Serveur injoignable\u00a0: les données attendent et partiront plus tard.',
    error_unauthorized: 'Nom d\u2019utilisateur ou mot de passe incorrect.',
    error_forbidden: 'Le serveur a refusé\u00a0: cet utilisateur n\u2019est pas membre de la base de l\u2019équipe.',
    error_not_found: 'Cette base d\u2019équipe n\u2019existe pas sur le serveur.',
    error_permission: 'L\u2019accès au serveur n\u2019a pas été autorisé dans le navigateur.',
    error_server: 'Le serveur a échoué\u00a0; nouvel essai bientôt.',
    lastSync: (when: string) => `Dernière synchro ${when}`,
    never: 'jamais synchronisé',
    waiting: (n: number) => (n <= 1 ? `${n} donnée en attente` : `${n} données en attente`),
  },
});

/**
 * Every team sync string (options page, popup). Marked pure so the content script, which never
 * reads it, does not ship the options strings.
 */
export const syncStrings = /* @__PURE__ */ joinMessages(/* @__PURE__ */ joinMessages(syncTitleStrings, syncStatusStrings), syncOptionsOnlyStrings);
