// The offline queue (issue 8, Tablet capture): every observation is written here, photos and all, BEFORE any
// attempt to send it, and removed only after the service's 202 receipt (api.md: "once this returns, the upload is
// durable and the tablet may delete its copy"). Each entry's id is its Idempotency-Key, made once when it is
// queued, so a retry after a lost answer is stored once by the service: a photo is never lost or sent twice.

const dbName = 'mediagate-tablet';
const storeName = 'observations';

function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(dbName, 1);
    request.onupgradeneeded = () => request.result.createObjectStore(storeName, { keyPath: 'id' });
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(storeName, mode);
      const store = transaction.objectStore(storeName);
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

/**
 * Queues an observation: `files` (File or Blob), `children` (ids), `note`, `capturedAt` (ISO), `eventId` (or null),
 * `username` (who took it). Answers the entry once it is stored.
 */
export async function enqueue({ files, children, note, capturedAt, eventId = null, username }) {
  const entry = {
    id: crypto.randomUUID(),
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
  await run('readwrite', (store) => store.add(entry));
  return entry;
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
