// The list of a parent's items (README, GET /api/parent/media: newest first, "released" or "checking",
// "journal" or "events"). Each released photo is this parent's own rendition, fetched with the bearer token and
// shown through a blob: URL, so the page holds no image address another parent could guess or reuse (issue 8,
// section 2). Images load as they come near the screen: a year of journal is not downloaded on a phone at once.
import { ApiError, imageUrl } from '/assets/api.js';
import { el, replace, showDialog } from '/assets/dom.js';
import { offerPlay } from './video.js';

/** Object URLs of the photos fetched so far, by item; revoked when the list is refreshed or the parent signs out. */
const loaded = new Map();
let observer = null;
/** Counts refreshes: a download that finishes after one belongs to a list that is gone, and is dropped. */
let generation = 0;

/** Forgets every fetched photo (after a refresh a rendition may have been re-made, e.g. a face newly masked). */
export function forgetPhotos() {
  generation += 1;
  document.querySelectorAll('dialog.large-photo').forEach((dialog) => dialog.close());
  observer?.disconnect();
  observer = null;
  for (const url of loaded.values()) {
    URL.revokeObjectURL(url);
  }

  loaded.clear();
}

/**
 * Shows `items` in the list element. `childName(childId)` names the parent's own child (never anyone else: the
 * list only holds the parent's children); `showChild` adds the name to each entry (a parent of two children).
 */
export function showFeed(list, items, { childName, showChild }) {
  observer?.disconnect();
  observer = 'IntersectionObserver' in window
    ? new IntersectionObserver(onVisible, { rootMargin: '600px 0px' })
    : null;
  replace(list, items.map((item, index) => entry(item, index, childName(item.childId), showChild)));
}

function entry(item, index, name, showChild) {
  const titleId = `entry-${index}-title`;
  const taken = new Date(item.takenAt);
  const dateText = Number.isNaN(taken.getTime())
    ? 'Date not known'
    : taken.toLocaleString(undefined, { weekday: 'long', day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const isEvent = item.purpose === 'events';
  const checking = item.status !== 'released';
  const badges = [
    isEvent ? el('span', { class: 'badge' }, 'Event') : null,
    checking ? el('span', { class: 'badge warn' }, checkedAgain(item) ? 'Being checked again' : 'Being checked') : null,
    showChild ? el('span', { class: 'child-name' }, name) : null,
  ].filter(Boolean);

  // The item's id is the parent's own (it is in the list the API gave them); it lets the browser tests find an entry.
  return el('li', { class: ['entry', checking && 'checking'], dataset: { mediaId: item.mediaId } },
    el('article', { 'aria-labelledby': titleId },
      checking ? checkingFrame(item) : photoFrame(item, name, isEvent, dateText),
      el('div', { class: 'entry-text' },
        el('h3', { id: titleId }, dateText),
        badges.length > 0 ? el('p', { class: 'entry-meta' }, badges) : null,
        item.note ? el('p', { class: 'entry-note' }, item.note) : null)));
}

/**
 * README GET /api/parent/media `recheck`: a consent change sent the item back to be checked (it may have been shown
 * before). The words do not say why: the change may be another family's consent, which a parent is not told.
 */
function checkedAgain(item) {
  return item.recheck === 'again';
}

// No image while an item is being checked, also one shown before a consent change: only the words.
function checkingFrame(item) {
  const thing = item.kind === 'video' ? 'video' : 'photo';
  return el('div', { class: 'frame waiting' },
    el('p', {}, checkedAgain(item)
      ? `This ${thing} is being checked again by the nursery. It will be back here once it has been checked, if it can still be shown.`
      : `This ${thing} is still being checked by the nursery. It will appear here once it has been checked.`));
}

function photoFrame(item, name, isEvent, dateText) {
  const video = item.kind === 'video';
  const thing = video ? 'Video' : 'Photo';
  const frame = el('div', { class: 'frame loading' }, el('p', { class: 'frame-text' }, `Loading the ${thing.toLowerCase()}…`));
  // The alt text names only this parent's own child (never another child in the photo) and says when it was taken.
  // A video's image is its masked poster frame (api.md: the poster at .../image), with a play button over it.
  const label = isEvent ? `${thing} from an event ${name} attended, ${dateText}` : `${thing} of ${name}, ${dateText}`;
  frame.photo = {
    path: `/api/parent/media/${encodeURIComponent(item.mediaId)}/image?childId=${encodeURIComponent(item.childId)}&purpose=${encodeURIComponent(item.purpose)}`,
    alt: video ? `${label} (still picture)` : label,
    item: video ? item : null,
    label,
  };
  if (observer) {
    observer.observe(frame);
  } else {
    loadPhoto(frame);
  }

  return frame;
}

/**
 * The photo at the screen's full width in a dialog over the list, with a Close button (Escape closes it too); the
 * focus goes back to the photo that was tapped. Closed by a refresh or a sign-out, whose list it belonged to.
 */
function showLarge(opener, url, alt) {
  showDialog(opener, { class: 'large-photo', 'aria-label': alt }, (close) => [
    el('div', { class: 'large-head' }, close),
    el('img', { src: url, alt, class: 'large' })]);
}

function onVisible(entries) {
  for (const seen of entries) {
    if (seen.isIntersecting) {
      observer?.unobserve(seen.target);
      loadPhoto(seen.target);
    }
  }
}

async function loadPhoto(frame) {
  const { path, alt } = frame.photo;
  const thing = frame.photo.item ? 'video' : 'photo';
  try {
    let url = loaded.get(path);
    if (!url) {
      const started = generation;
      url = await imageUrl(path);
      if (started !== generation) {
        URL.revokeObjectURL(url); // fetched before a refresh or a sign-out: possibly a rendition since re-made
        return;
      }

      loaded.set(path, url);
    }

    const image = el('img', { alt, decoding: 'async', class: 'photo' });
    image.src = url;
    frame.classList.remove('loading');
    if (frame.photo.item) {
      replace(frame, image);
    } else {
      // A tap (or Enter) opens the photo large: the same rendition, already fetched, at the screen's width.
      const open = el('button', { type: 'button', class: 'enlarge', 'aria-haspopup': 'dialog', 'aria-label': `Show larger: ${alt}` }, image);
      open.addEventListener('click', () => showLarge(open, url, alt));
      replace(frame, open);
    }

    if (frame.photo.item) {
      offerPlay(frame, frame.photo.item, frame.photo.label, {
        onGone: () => replace(frame, el('p', { class: 'frame-text' }, 'This video is no longer available.')),
        onSignedOut: () => window.dispatchEvent(new CustomEvent('journal:signed-out')),
      });
    }
  } catch (e) {
    frame.classList.remove('loading');
    if (e instanceof ApiError && e.status === 404) {
      // Withdrawn since the list was read (a consent change): fail closed, show nothing of it.
      replace(frame, el('p', { class: 'frame-text' }, `This ${thing} is no longer available.`));
      return;
    }

    if (e instanceof ApiError && e.status === 401) {
      window.dispatchEvent(new CustomEvent('journal:signed-out'));
      return;
    }

    const retry = el('button', { type: 'button', onclick: () => {
      frame.classList.add('loading');
      replace(frame, el('p', { class: 'frame-text' }, `Loading the ${thing}…`));
      loadPhoto(frame);
    } }, 'Try again');
    replace(frame, el('p', { class: 'frame-text' }, e instanceof ApiError ? e.message : `The ${thing} could not be loaded.`), retry);
  }
}
