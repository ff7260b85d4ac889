/** Saved replies: library reads/writes go through the background, which owns the database. */
export interface SavedReplySummary {
  id: string;
  title: string;
  body: string;
  language: 'fr' | 'en' | 'any';
  tags: string[];
  shortcut?: string;
}

export interface RepliesMessages {
  /** Any context -> background: the whole library (used by suggestions and the draft check "saved reply left unchanged"). */
  'replies:list': { request: void; response: { replies: SavedReplySummary[] } };
  /** Background -> content: the `insert-top-suggestion` keyboard command was pressed. */
  'replies:insert-top': { request: void; response: { inserted: boolean } };
}
