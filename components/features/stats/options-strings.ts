import { defineMessages } from '../../../utils/i18n';

/** Strings of the options page's Data section (components/features/stats/options.tsx). */
export const dataMessages = defineMessages({
  en: {
    title: 'Response statistics data',
    intro: 'Response times are stored in this browser only (no message text, no customer names).',
    retentionWeeks: 'Keep responses for (weeks)',
    retentionHint: 'Older responses are deleted once a day. Default: 52 weeks.',
    retentionRange: 'Enter a whole number of weeks between 1 and 520.',
    csvSeparator: 'CSV separator',
    csvAuto: 'Automatic (“;” when the interface is in French)',
    csvComma: 'Comma “,”',
    csvSemicolon: 'Semicolon “;” (French Excel)',
    save: 'Save',
    saved: 'Saved.',
    saveFailed: (reason: string) => `Could not save: ${reason}. Nothing was changed.`,
    storage: 'Storage',
    storageUsage: (responses: number, used: string, quota: string) => `${responses} responses stored. This extension uses ${used} of ${quota} available.`,
    storageUnknown: (responses: number) => `${responses} responses stored. The browser does not report storage use.`,
    team: 'Team merge',
    teamHint: 'Each agent exports a file; a manager imports them all. The same response is counted once.',
    exportBundle: 'Export all data (JSON)',
    importBundle: 'Import a team file…',
    exported: (n: number, name: string) => `Exported ${n} responses to ${name}.`,
    imported: (added: number, duplicates: number) => `Imported ${added} responses (${duplicates} already known).`,
    importFailed: (reason: string) => `Import refused, nothing was changed: ${reason}`,
    importTooLarge: (size: string, max: string) => `Import refused, nothing was changed: this file is ${size}, a team file is at most ${max}.`,
    erase: 'Erase all data…',
    eraseConfirm: (n: number) => `Delete all ${n} recorded responses from this browser? This cannot be undone.`,
    eraseYes: 'Erase everything',
    cancel: 'Cancel',
    erased: 'All response data was erased.',
    failed: (reason: string) => `Failed: ${reason}`,
    loading: 'Loading…',
  },
  fr: {
    title: 'Données des statistiques de réponse',
    intro: 'Les délais de réponse sont stockés dans ce navigateur uniquement (aucun texte de message, aucun nom de client).',
    retentionWeeks: 'Conserver les réponses (semaines)',
    retentionHint: 'Les réponses plus anciennes sont supprimées une fois par jour. Par défaut : 52 semaines.',
    retentionRange: 'Saisissez un nombre entier de semaines entre 1 et 520.',
    csvSeparator: 'Séparateur CSV',
    csvAuto: 'Automatique (« ; » quand l’interface est en français)',
    csvComma: 'Virgule « , »',
    csvSemicolon: 'Point-virgule « ; » (Excel en français)',
    save: 'Enregistrer',
    saved: 'Enregistré.',
    saveFailed: (reason: string) => `Enregistrement impossible : ${reason}. Rien n’a été modifié.`,
    storage: 'Stockage',
    storageUsage: (responses: number, used: string, quota: string) => `${responses} réponses enregistrées. L’extension utilise ${used} sur ${quota} disponibles.`,
    storageUnknown: (responses: number) => `${responses} réponses enregistrées. Le navigateur n’indique pas l’espace utilisé.`,
    team: 'Fusion d’équipe',
    teamHint: 'Chaque agent exporte un fichier ; un responsable les importe tous. Une même réponse n’est comptée qu’une fois.',
    exportBundle: 'Exporter toutes les données (JSON)',
    importBundle: 'Importer un fichier d’équipe…',
    exported: (n: number, name: string) => `${n} réponses exportées dans ${name}.`,
    imported: (added: number, duplicates: number) => `${added} réponses importées (${duplicates} déjà connues).`,
    importFailed: (reason: string) => `Import refusé, rien n’a été modifié : ${reason}`,
    importTooLarge: (size: string, max: string) => `Import refusé, rien n’a été modifié : ce fichier fait ${size}, un fichier d’équipe fait au plus ${max}.`,
    erase: 'Effacer toutes les données…',
    eraseConfirm: (n: number) => `Supprimer les ${n} réponses enregistrées dans ce navigateur ? C’est définitif.`,
    eraseYes: 'Tout effacer',
    cancel: 'Annuler',
    erased: 'Toutes les données de réponse ont été effacées.',
    failed: (reason: string) => `Échec : ${reason}`,
    loading: 'Chargement…',
  },
});

/** 1.2 MB, 340 kB: storage sizes for people. */
export function formatBytes(bytes: number, locale: 'en' | 'fr'): string {
  const units = locale === 'fr' ? ['o', 'ko', 'Mo', 'Go', 'To'] : ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let u = 0;
  while (v >= 1000 && u < units.length - 1) {
    v /= 1000;
    u++;
  }
  const text = u === 0 ? String(Math.round(v)) : v.toFixed(v < 10 ? 1 : 0);
  return `${locale === 'fr' ? text.replace('.', ',') : text} ${units[u]}`;
}
