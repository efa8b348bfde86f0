// The console's frame, shared by its pages (issue 8 §3): the manager signs in here (POST /api/session, the form
// of /assets/signin.js), then every page shows the same navigation and a sign-out button (DELETE /api/session)
// and renders its own content. The token is checked with GET /api/session first, so a tab kept open after the
// token expired or was revoked asks to sign in again instead of showing empty tables.
import { api, signOut, token } from '/assets/api.js';
import { byId, el, replace, say } from '/assets/dom.js';
import { signInForm } from '/assets/signin.js';

const pages = [
  ['index.html', 'Dashboard'],
  ['review.html', 'Review queue'],
  ['spot-checks.html', 'Spot checks'],
  ['children.html', 'Children'],
  ['consents.html', 'Consents'],
  ['events.html', 'Events'],
  ['devices.html', 'Devices'],
  ['accounts.html', 'Accounts'],
  ['website-keys.html', 'Website keys'],
  ['audit.html', 'Audit log'],
];

/**
 * Starts a console page: `render(content)` fills #content once a manager is signed in; an error it throws is
 * shown in the page (an alert), never left in the console.
 */
export async function startPage(render) {
  const session = await currentSession();
  if (session?.role === 'manager') {
    await showPage(session, render);
    return;
  }

  showSignIn(render);
}

/** An error message element (role=alert) with the message of `error`. */
export function errorBox(error) {
  const box = el('p', { class: 'message error', role: 'alert' });
  say(box, messageOf(error));
  return box;
}

/**
 * What went wrong, in words: the API's message, plus each field's complaint of a validation problem (RFC 9457
 * `errors`, e.g. "password: 8 to 256 characters."), which the title alone ("One or more validation errors
 * occurred.") does not say.
 */
export function messageOf(error) {
  const errors = error?.problem?.errors;
  if (errors && typeof errors === 'object') {
    const said = Object.entries(errors).map(([name, texts]) => `${name}: ${[].concat(texts).join(' ')}`);
    if (said.length > 0) {
      return said.join(' ');
    }
  }

  return error?.message ?? String(error);
}

async function currentSession() {
  if (!token()) {
    return null;
  }

  try {
    return await api('/api/session');
  } catch {
    return null;
  }
}

function showSignIn(render) {
  byId('nav').hidden = true;
  byId('page-title').hidden = true;
  replace(byId('session'));
  replace(byId('content'), signInForm({
    role: 'manager',
    idPrefix: 'manager-signin',
    onSignedIn: async () => showPage(await currentSession(), render),
  }));
}

async function showPage(session, render) {
  const here = location.pathname.split('/').pop() || 'index.html';
  const nav = byId('nav');
  replace(nav, el('ul', {}, pages.map(([file, text]) =>
    el('li', {}, el('a', { href: file, 'aria-current': file === here ? 'page' : false }, text)))));
  nav.hidden = false;
  const signOutButton = el('button', { type: 'button', class: 'link-button' }, 'Sign out');
  signOutButton.addEventListener('click', async () => {
    await signOut();
    showSignIn(render);
  });
  replace(byId('session'), el('span', {}, `Signed in as ${session?.username ?? 'manager'}`), ' ', signOutButton);
  const title = byId('page-title');
  title.hidden = false;
  const content = byId('content');
  replace(content);
  // aria-busy while the page's data loads: assistive technology waits for it, and so do the browser tests.
  content.setAttribute('aria-busy', 'true');
  try {
    await render(content);
  } catch (e) {
    if (!token()) {
      // Refused as signed out (401 drops the token): expired, revoked, or signed out while loading.
      showSignIn(render);
      return;
    }

    replace(content, errorBox(e));
  } finally {
    content.setAttribute('aria-busy', 'false');
  }
}

/** Saves `blob` as a file named `name` (CSV exports): an object URL on a temporary link, released at once. */
export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, class: 'visually-hidden' }, name);
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** A date input's value (YYYY-MM-DD, the reader's day) as the ISO instant that day starts, plus `days`. */
export function dayStart(value, days = 0) {
  const date = new Date(`${value}T00:00:00`);
  date.setDate(date.getDate() + days);
  return date.toISOString();
}

/** The children (GET /api/manager/children, each with `leftOn` or null) as a Map id → child, for names. */
export async function childrenById() {
  const children = await api('/api/manager/children');
  return new Map(children.map((child) => [child.id, child]));
}

/** Today in the reader's calendar as YYYY-MM-DD (a date input's value). */
export function today() {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** Whether the child has left by `day` (YYYY-MM-DD): uploads, tags and events refuse such a child. */
export function hasLeft(child, day = today()) {
  return Boolean(child?.leftOn) && child.leftOn <= day;
}

/** A child's name with the room, e.g. "Ava Jones (Robins)". */
export function childLabel(child) {
  return child.room ? `${child.name} (${child.room})` : child.name;
}

/** "1 face", "2 faces": a count with its noun, singular or plural. */
export function plural(n, word) {
  return `${n} ${n === 1 ? word : `${word}s`}`;
}
