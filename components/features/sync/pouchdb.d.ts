// Minimal typings for the PouchDB 9 packages team sync uses (they ship no types).
declare module 'pouchdb-core' {
  const PouchDB: any;
  export default PouchDB;
}
declare module 'pouchdb-adapter-indexeddb' {
  const plugin: any;
  export default plugin;
}
declare module 'pouchdb-adapter-http' {
  const plugin: any;
  export default plugin;
}
declare module 'pouchdb-replication' {
  const plugin: any;
  export default plugin;
}
declare module 'pouchdb-adapter-memory' {
  const plugin: any;
  export default plugin;
}
