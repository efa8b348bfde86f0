// Sends the offline queue (queue.js) to POST /api/tablet/observations, oldest first, with upload progress. Runs
// when a photo is queued, when the tablet comes back online, after sign-in and every half minute. One sender at a
// time, across tabs too (Web Locks), so an entry is never in flight twice; the Idempotency-Key covers the rest.
import { authHeaders, setToken, token } from '/assets/api.js';
import { tooLargeText } from './clips.js';
import * as queue from './queue.js';

const lockName = 'mediagate-tablet-upload';

/** Why an entry is still waiting, in words for staff. */
export const waiting = {
  offline: 'No connection: it will be uploaded when the tablet is back online.',
  signIn: 'Sign in again to upload it.',
  server: 'MediaGate is busy or unavailable: it will be tried again shortly.',
};

/**
 * Sends every entry the signed-in staff member queued. `onProgress(entry, percent, loaded, total)` while it goes up;
 * `onChange()` after each entry's outcome; `onUploaded(observationId)` once the service holds an entry (so the page
 * can show its faces as soon as they are found). Answers true when nothing of theirs is left waiting (refused
 * entries aside, which staff discard by hand).
 */
export async function sendQueue({ username, onProgress = () => {}, onChange = () => {}, onUploaded = () => {} }) {
  if (!token() || !username) {
    return false;
  }

  return navigator.locks.request(lockName, async () => {
    for (const entry of await queue.queued()) {
      if (entry.username !== username || entry.refused) {
        continue;
      }

      entry.attempts += 1;
      const outcome = await send(entry, (percent, loaded, total) => onProgress(entry, percent, loaded, total));
      if (outcome.done) {
        await queue.remove(entry.id);
        if (outcome.observationId) {
          onUploaded(outcome.observationId);
        }
      } else {
        entry.lastError = outcome.message;
        entry.refused = outcome.refused;
        await queue.update(entry);
      }

      onChange();
      if (!outcome.done && !outcome.refused) {
        // Offline, signed out or the service unavailable: the next entries would fail the same way.
        return false;
      }
    }

    return true;
  });
}

function send(entry, onProgress) {
  const form = new FormData();
  for (const file of entry.files) {
    form.append('files', file.blob, file.name);
  }

  form.append('children', JSON.stringify(entry.children));
  if (entry.note) {
    form.append('note', entry.note);
  }

  if (entry.capturedAt) {
    form.append('capturedAt', entry.capturedAt);
  }

  if (entry.eventId) {
    form.append('eventId', entry.eventId);
  }

  return new Promise((resolve) => {
    // XMLHttpRequest, not fetch: only it reports upload progress.
    const request = new XMLHttpRequest();
    request.open('POST', '/api/tablet/observations');
    for (const [name, value] of Object.entries(authHeaders({ 'Idempotency-Key': entry.id }))) {
      request.setRequestHeader(name, value);
    }

    request.upload.onprogress = (event) => {
      if (event.lengthComputable) {
        onProgress(Math.round((event.loaded / event.total) * 100), event.loaded, event.total);
      }
    };
    request.onerror = () => resolve({ done: false, refused: false, message: waiting.offline });
    request.ontimeout = () => resolve({ done: false, refused: false, message: waiting.server });
    request.onload = () => resolve(outcomeOf(request));
    // Ten minutes, or longer for a clip of hundreds of MB on a slow Wi-Fi (at 128 KB/s), so it is not cut off and resent.
    const bytes = entry.files.reduce((sum, file) => sum + (file.blob?.size ?? 0), 0);
    request.timeout = Math.max(10 * 60 * 1000, Math.ceil(bytes / (128 * 1024)) * 1000);
    request.send(form);
  });
}

function outcomeOf(request) {
  const status = request.status;
  if (status === 202 || status === 200) {
    let observationId = null;
    try {
      observationId = JSON.parse(request.responseText).observationId ?? null;
    } catch {
      observationId = null;
    }

    return { done: true, observationId };
  }

  if (status === 401) {
    // Expired, signed out elsewhere, or the device revoked: forget the token so the page asks for the PIN again.
    setToken(null);
    return { done: false, refused: false, message: waiting.signIn };
  }

  if (status === 429 || status >= 500 || status === 0) {
    return { done: false, refused: false, message: waiting.server };
  }

  // 400, 413, 415, 422: sending it again cannot help. It stays on the tablet, marked, until staff discard it.
  if (status === 413) {
    // The service's detail counts bytes ("larger than 67108864 bytes"): staff read the limits in MB.
    return { done: false, refused: true, message: `MediaGate refused it: ${tooLargeText()}` };
  }

  let detail = '';
  try {
    const problem = JSON.parse(request.responseText);
    detail = problem.detail || problem.title || '';
  } catch {
    detail = '';
  }

  return { done: false, refused: true, message: `MediaGate refused it (${status})${detail ? `: ${detail}` : ''}` };
}
