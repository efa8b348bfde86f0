// The offline queue (issue 8, Tablet capture): every observation is written here, photos and all, BEFORE any
// attempt to send it, and removed only after the service's 202 receipt (api.md: "once this returns, the upload is
// durable and the tablet may delete its copy"). Each entry's id is its Idempotency-Key, made once per capture (a
// second tap on Upload queues nothing more), so a retry after a lost answer is stored once by the service: a photo is
// never lost or sent twice.

const dbName = 'mediagate-tablet';
const storeName = 'observations';
// Version 2 adds the lists kept for a start without Wi-Fi (kept-lists.js): the room list and today's events.
const keptStoreName = 'kept';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 2);
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(storeName)) {
        db.createObjectStore(storeName, { keyPath: 'id' });
      }

      if (!db.objectStoreNames.contains(keptStoreName)) {
        db.createObjectStore(keptStoreName);
      }
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work, name = storeName) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(name, mode);
      const store = transaction.objectStore(name);
      let result;
      const request = work(store);
      if (request) {
        request.onsuccess = () => { result = request.result; };
      }

      // Resolved on complete, not on the request's success: only then is the write durable.
      transaction.oncomplete = () => resolve(result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error ?? new Error('the queue write was aborted'));
    });
  } finally {
    db.close();
  }
}

/** A new Idempotency-Key: the page makes one per capture (app.js), however many times its Upload fires. */
export function newKey() {
  return crypto.randomUUID();
}

/**
 * Queues an observation: `id` (its Idempotency-Key, from newKey), `files` (File or Blob), `children` (ids), `note`,
 * `capturedAt` (ISO), `eventId` (or null), `username` (who took it). Answers the entry once it is stored. The same
 * key queued again is kept once: the entry already there stands.
 */
export async function enqueue({ id, files, children, note, capturedAt, eventId = null, username }) {
  const entry = {
    id,
    // Blobs are stored as they are: IndexedDB keeps the bytes, so the tablet can be closed before they are sent.
    files: files.map((file) => ({ name: file.name || 'photo.jpg', type: file.type || 'application/octet-stream', blob: file })),
    children,
    note,
    capturedAt,
    eventId,
    username,
    queuedAt: new Date().toISOString(),
    attempts: 0,
    lastError: null,
    refused: false,
  };
  let existing;
  // One transaction: looked up and added together, so two enqueues of one key cannot both add.
  await run('readwrite', (store) => {
    const request = store.get(entry.id);
    request.onsuccess = () => {
      existing = request.result;
      if (existing === undefined) {
        store.add(entry);
      }
    };
    return null;
  });
  return existing ?? entry;
}

/** Every queued entry, oldest first. */
export async function queued() {
  const entries = await run('readonly', (store) => store.getAll());
  return (entries ?? []).sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function update(entry) {
  await run('readwrite', (store) => store.put(entry));
}

/** Removes an entry: after its receipt, or when staff discard one the service refused. */
export async function remove(id) {
  await run('readwrite', (store) => store.delete(id));
}

/** Keeps `value` under `key` in the tablet's own store (kept-lists.js), replacing what was there. */
export async function keep(key, value) {
  await run('readwrite', (store) => store.put(value, key), keptStoreName);
}

/** What is kept under `key`, or undefined. */
export async function kept(key) {
  return run('readonly', (store) => store.get(key), keptStoreName);
}

/** Forgets everything kept (kept-lists.js); the queue itself is left as it is. */
export async function forgetKept() {
  await run('readwrite', (store) => store.clear(), keptStoreName);
}
