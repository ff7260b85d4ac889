// The team database's rules, enforced by the server through the design
// document's validate_doc_update. Plain JavaScript in the ES5 subset on
// purpose: CouchDB 3 runs it in its own JavaScript engine (SpiderMonkey 1.8.5
// on many builds), scripts/team-setup.mjs imports this file as is under Node,
// and the unit tests call the very same function.
//
// Document kinds (the id says the kind and, for agents' records, the owner):
//   resp:<user>:<responseId>   one response, written by <user>'s browser
//   beat:<user>:<browserId>:<hour>   a browser's hourly "I synced" mark
//   team:library, team:settings      written by managers only
// Records are append-only: once written, only a manager may delete them (the
// retention job); nobody edits them.

/**
 * @param {Record<string, any>} newDoc
 * @param {Record<string, any> | null} oldDoc
 * @param {{ name: string | null, roles: string[] }} userCtx
 * @returns {void}
 */
export function validateDocUpdate(newDoc, oldDoc, userCtx) {
  function has(role) {
    var roles = (userCtx && userCtx.roles) || [];
    for (var i = 0; i < roles.length; i++) if (roles[i] === role) return true;
    return false;
  }
  function deny(reason) {
    throw { forbidden: reason };
  }
  if (has('_admin')) return;
  var id = String(newDoc._id || '');
  var name = userCtx && userCtx.name;
  var manager = has('manager');
  if (!name || !(manager || has('agent'))) {
    throw { unauthorized: 'Only the team\'s agents and managers may write here.' };
  }
  var parts = id.split(':');
  var kind = parts[0];
  if (kind === 'team') {
    if (!manager) deny('Only a manager may change the team library and settings.');
    if (newDoc._deleted) return;
    if (id !== 'team:library' && id !== 'team:settings') deny('Unknown team document: ' + id);
    if (newDoc.type !== id.slice(5)) deny('A team document must say its type (' + id.slice(5) + ').');
    return;
  }
  if (kind !== 'resp' && kind !== 'beat') deny('Unknown document kind: ' + id);
  if (newDoc._deleted) {
    if (!manager) deny('Records are append-only: only a manager\'s retention job may delete them.');
    return;
  }
  if (oldDoc && !oldDoc._deleted) deny('Records are append-only: ' + id + ' cannot be edited.');
  if (parts.length < 3 || parts[1] !== name) deny('You may only create your own records (' + name + '), not ' + id + '.');
  if (newDoc.user !== name) deny('A record must name its writer (' + name + ') in its user field.');
  if (kind === 'resp') {
    if (typeof newDoc.repliedAt !== 'number' || typeof newDoc.customerAt !== 'number') deny('A response record needs numeric customerAt and repliedAt.');
    if (typeof newDoc.browser !== 'string' || !newDoc.browser) deny('A response record must name its browser.');
    if ('text' in newDoc || 'customerName' in newDoc) deny('Records never carry message text or customer names.');
  }
}

export const DESIGN_DOC_ID = '_design/inbox-pilot';
export const AGENT_ROLE = 'agent';
export const MANAGER_ROLE = 'manager';

/** The design document team:setup installs (the function travels as its source text). */
export function designDoc() {
  return {
    _id: DESIGN_DOC_ID,
    language: 'javascript',
    // Anonymous, as CouchDB expects the source of a function expression.
    validate_doc_update: validateDocUpdate.toString().replace(/^function\s+\w+/, 'function'),
  };
}

/** The database's _security object: members (agents, managers) read and write; nobody else even reads. */
export function securityObject() {
  return {
    admins: { names: [], roles: [] },
    members: { names: [], roles: [AGENT_ROLE, MANAGER_ROLE] },
  };
}
