// The room list and today's events, kept for a start without Wi-Fi (README, "The pages", Tablet): a tablet reopened
// offline can still tag children and name them in its queue. They hold children's names on a shared tablet, so they
// are kept only while a staff member is signed in on it: stored in the queue's IndexedDB (queue.js) encrypted
// (AES-GCM) with a key that lives in sessionStorage beside the staff token, so what is left on the tablet after the
// page is closed (which ends the staff session) cannot be read; and forgotten on sign-out, when the token is refused,
// and whenever the page starts with nobody signed in. Each list is used only by the staff member who loaded it,
// the room list until the next successful load replaces it, today's events only on the day they were loaded.
import * as queue from './queue.js';

const keyName = 'mediagate.tablet.lists-key';

/** The tablet's own date (yyyy-mm-dd): today's events are kept for it only. */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

async function sessionKey(create) {
  const stored = sessionStorage.getItem(keyName);
  if (stored) {
    const raw = Uint8Array.from(atob(stored), (c) => c.charCodeAt(0));
    return crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);
  }

  if (!create) {
    return null;
  }

  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  sessionStorage.setItem(keyName, btoa(String.fromCharCode(...raw)));
  return key;
}

/** Keeps `value` as `name` for `username` (and `day`, for today's events), replacing what was kept before. */
export async function keepList(name, username, value, day = null) {
  try {
    const key = await sessionKey(true);
    const iv = crypto.getRandomValues(new Uint8Array(12));
    const plain = new TextEncoder().encode(JSON.stringify({ username, day, value }));
    const data = await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, plain);
    await queue.keep(name, { iv, data });
  } catch {
    // Not kept (no room, no Web Crypto): a start without Wi-Fi says the list could not be loaded, as before.
  }
}

/** What was kept as `name` for `username` (and `day`), or null: none, another person's, another day's, or the key is gone. */
export async function keptList(name, username, day = null) {
  try {
    const key = await sessionKey(false);
    const stored = key ? await queue.kept(name) : null;
    if (!stored) {
      return null;
    }

    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: stored.iv }, key, stored.data);
    const kept = JSON.parse(new TextDecoder().decode(plain));
    return kept.username === username && kept.day === day ? kept.value : null;
  } catch {
    return null;
  }
}

/** Forgets the kept lists and their key (sign-out, a refused token, a page opened with nobody signed in). */
export async function forgetLists() {
  sessionStorage.removeItem(keyName);
  try {
    await queue.forgetKept();
  } catch {
    // Nothing could be opened: nothing is kept either.
  }
}
