import PouchDB from 'pouchdb-core';
import IndexedDbAdapter from 'pouchdb-adapter-indexeddb';
import HttpAdapter from 'pouchdb-adapter-http';
import Replication from 'pouchdb-replication';
import type { SyncConnection } from '../../../utils/sync/connection';
import { databaseUrl } from '../../../utils/sync/connection';

/**
 * PouchDB as the replication engine (its checkpoints make a one-shot replication resume where a
 * stopped worker left it). The stats database stays the source of truth: the sync database only
 * holds copies of records on their way out and the team's documents on their way in.
 */
PouchDB.plugin(IndexedDbAdapter).plugin(HttpAdapter).plugin(Replication);

export const SYNC_DB_NAME = 'inbox-pilot-sync';

/** What the worker needs of a PouchDB database (the subset it uses, typed). */
export interface PouchDoc {
  _id: string;
  _rev?: string;
  _deleted?: boolean;
  _conflicts?: string[];
  [key: string]: unknown;
}
export interface Pouch {
  get(id: string, opts?: { conflicts?: boolean; rev?: string }): Promise<PouchDoc>;
  put(doc: PouchDoc): Promise<{ ok: boolean; id: string; rev: string }>;
  bulkDocs(docs: PouchDoc[]): Promise<Array<{ ok?: boolean; id?: string; error?: string | boolean; status?: number; name?: string; message?: string }>>;
  allDocs(opts: { keys?: string[]; startkey?: string; endkey?: string; include_docs?: boolean; limit?: number }): Promise<{ rows: Array<{ id: string; key: string; value?: { rev: string; deleted?: boolean }; error?: string; doc?: PouchDoc }> }>;
  changes(opts: { since: string | number; limit: number; include_docs: boolean; return_docs?: boolean }): Promise<{ results: Array<{ id: string; seq: string | number; doc?: PouchDoc; deleted?: boolean }>; last_seq: string | number }>;
  info(): Promise<{ update_seq: string | number; doc_count: number }>;
  /** http adapter only: a request with the database's credentials; a path starting with / is from the server root. */
  fetch(path: string, options?: { headers?: Headers }): Promise<Response>;
  close(): Promise<void>;
  destroy(): Promise<void>;
}

export interface ReplicationResult {
  ok: boolean;
  docs_read: number;
  docs_written: number;
  doc_write_failures: number;
  errors: unknown[];
  last_seq: string | number;
  status: string;
}

/** Tests open the sync database on another adapter (memory in Node). */
let localAdapter: string = 'indexeddb';
export function setLocalAdapterForTests(adapter: string, plugin?: unknown): void {
  if (plugin) PouchDB.plugin(plugin);
  localAdapter = adapter;
}

export function openLocal(name = SYNC_DB_NAME): Pouch {
  return new PouchDB(name, { adapter: localAdapter }) as Pouch;
}

export function openRemote(connection: SyncConnection): Pouch {
  return new PouchDB(databaseUrl(connection), {
    adapter: 'http',
    skip_setup: true,
    auth: { username: connection.user, password: connection.password },
  }) as Pouch;
}

/** One-shot replication (checkpointed on both sides), in batches. */
export function replicate(from: Pouch, to: Pouch, opts: { doc_ids?: string[]; batch_size?: number } = {}): Promise<ReplicationResult> {
  return PouchDB.replicate(from, to, { batch_size: 250, batches_limit: 4, ...opts, retry: false, live: false }) as Promise<ReplicationResult>;
}
