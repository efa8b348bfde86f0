// The parents' journal (issue 8, section 2; phone first): a parent signs in, sees their own children's items newest
// first (each photo their own rendition, items still being checked labelled plainly, event photos marked), filters
// by child when they have two, and signs out. Nothing here is about another family: the API answers only for the
// parent's own children, and the page adds nothing of its own.
import { api, ApiError } from '/assets/api.js';
import { byId, el, replace, say } from '/assets/dom.js';
import { pauseSignIn, signInPaused, waitText } from '/assets/lockout.js';
import { forgetPhotos, showFeed } from './feed.js';
import { currentSession, signInParent, signOut } from './session.js';

/** While items are still being checked the list is read again this often (only when the page is visible). */
const recheckEveryMs = 60_000;

let items = [];
let children = [];
let recheckTimer = null;

async function start() {
  byId('sign-in-form').addEventListener('submit', onSignIn);
  byId('sign-out').addEventListener('click', onSignOut);
  byId('refresh').addEventListener('click', () => load({ fresh: true, announce: true }));
  byId('child-filter').addEventListener('change', show);
  window.addEventListener('journal:signed-out', () => showSignIn('Your session has ended. Please sign in again.'));
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && recheckTimer === 0) {
      load({ fresh: false });
    }
  });

  try {
    const session = await currentSession();
    if (session?.role === 'parent') {
      await showJournal();
      return;
    }

    if (session) {
      await signOut();
      showSignIn(null, `This page is for parents. Your account is a ${session.role} account.`);
      return;
    }
  } catch (e) {
    say(byId('page-error'), e instanceof ApiError ? e.message : 'The journal could not be opened.');
  }

  showSignIn();
}

async function onSignIn(event) {
  event.preventDefault();
  const error = byId('sign-in-error');
  const button = byId('sign-in-button');
  say(error, '');
  say(byId('page-message'), '');
  if (signInPaused(button)) {
    return;
  }

  button.disabled = true;
  try {
    const session = await signInParent(byId('username').value.trim(), byId('password').value);
    if (session.role !== 'parent') {
      await signOut();
      say(error, `This page is for parents. Your account is a ${session.role} account.`);
      return;
    }

    byId('password').value = '';
    await showJournal();
  } catch (e) {
    if (e instanceof ApiError && e.status === 429) {
      lockOut(e);
      return;
    }

    say(error, e instanceof ApiError && e.status === 401
      ? 'The username or password is wrong. Check them and try again.'
      : e instanceof ApiError ? e.message : 'Sign-in failed. Try again.');
  } finally {
    button.disabled = signInPaused(button);
  }
}

/** A lockout (429): says plainly until when, counting down, and keeps the button off until then (the server refuses anyway). */
function lockOut(e) {
  pauseSignIn(byId('sign-in-button'), byId('sign-in-error'), e.retryAfterSeconds ?? 60, (left, until) => {
    const at = until.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
    return `Too many failed sign-ins. For your security, signing in is paused. You can try again at ${at} (in ${waitText(left)}).`;
  });
}

async function onSignOut() {
  await signOut();
  showSignIn('You have signed out.');
}

function showSignIn(message = null, problem = null) {
  stopRechecking();
  forgetPhotos();
  items = [];
  children = [];
  replace(byId('feed'));
  say(byId('journal-status'), '');
  byId('journal').hidden = true;
  byId('sign-out').hidden = true;
  byId('sign-in').hidden = false;
  say(byId('page-message'), message);
  say(byId('sign-in-error'), problem);
  byId('username').focus();
}

async function showJournal() {
  byId('sign-in').hidden = true;
  byId('journal').hidden = false;
  byId('sign-out').hidden = false;
  say(byId('page-error'), '');
  children = await ownChildren();
  const filter = byId('child-filter');
  replace(filter,
    el('option', { value: '' }, 'All my children'),
    children.map(c => el('option', { value: c.id }, c.name)));
  byId('filter-box').hidden = children.length < 2;
  byId('journal-title').textContent = children.length === 1 ? `Photos and videos of ${children[0].name}` : "Your children's photos and videos";
  await load({ fresh: true });
  byId('journal-title').setAttribute('tabindex', '-1');
  byId('journal-title').focus();
}

/**
 * The parent's own children's names (GET /api/parent/children); without that endpoint the page still works and
 * says "your child".
 */
async function ownChildren() {
  try {
    const list = await api('/api/parent/children');
    return Array.isArray(list) ? list.filter(c => c && typeof c.id === 'string' && typeof c.name === 'string') : [];
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      throw e;
    }

    return [];
  }
}

async function load({ fresh, announce = false }) {
  const status = byId('journal-status');
  if (announce) {
    say(status, 'Checking for new photos…');
  }

  try {
    const latest = await api('/api/parent/media');
    const list = Array.isArray(latest) ? latest : [];
    if (!fresh && JSON.stringify(list) === JSON.stringify(items)) {
      scheduleRecheck();
      return;
    }

    forgetPhotos();
    items = list;
    show();
    say(byId('page-error'), '');
  } catch (e) {
    if (e instanceof ApiError && e.status === 401) {
      showSignIn('Your session has ended. Please sign in again.');
      return;
    }

    say(byId('page-error'), e instanceof ApiError ? e.message : 'The photos could not be loaded.');
  }

  scheduleRecheck();
}

function show() {
  const only = byId('child-filter').value;
  const shown = only ? items.filter(i => i.childId === only) : items;
  const names = new Map(children.map(c => [c.id, c.name]));
  showFeed(byId('feed'), shown, {
    childName: id => names.get(id) ?? 'your child',
    showChild: children.length > 1,
  });
  const checking = shown.filter(i => i.status !== 'released').length;
  const videos = shown.filter(i => i.status === 'released' && i.kind === 'video').length;
  const photos = shown.length - checking - videos;
  const counts = [];
  if (photos > 0 || videos === 0) {
    counts.push(`${photos} ${photos === 1 ? 'photo' : 'photos'}`);
  }

  if (videos > 0) {
    counts.push(`${videos} ${videos === 1 ? 'video' : 'videos'}`);
  }

  let text = shown.length === 0
    ? 'No photos yet. Photos appear here once the nursery has checked them.'
    : counts.join(' and ');
  if (checking > 0) {
    text += shown.length === 0 ? '' : `, and ${checking} still being checked`;
  }

  say(byId('journal-status'), text + (shown.length === 0 ? '' : '.'));
}

function scheduleRecheck() {
  stopRechecking();
  if (items.some(i => i.status !== 'released')) {
    recheckTimer = setTimeout(() => {
      recheckTimer = null;
      if (document.visibilityState === 'visible') {
        load({ fresh: false });
      } else {
        recheckTimer = 0; // picked up by visibilitychange
      }
    }, recheckEveryMs);
  }
}

function stopRechecking() {
  if (recheckTimer) {
    clearTimeout(recheckTimer);
  }

  recheckTimer = null;
}

start();
