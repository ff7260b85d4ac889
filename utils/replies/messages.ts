/** Saved replies: library reads/writes go through the background, which owns the database. */
export interface RepliesMessages {
  /** Background -> content: the `insert-top-suggestion` keyboard command was pressed. */
  'replies:insert-top': { request: void; response: { inserted: boolean } };
}
