// Saying whose the faces are, at capture (issue 12 §2; api.md PUT /api/tablet/media/{id}/faces). The panel is a
// modal dialog over the page, so it opens where the practitioner is, never at the bottom of a long list: the preview
// (GET /api/tablet/media/{id}/preview, only for the staff member who uploaded it) with a box over each face, and
// beside it one row of answers per face. One tap answers a face and saves it at once. Certain faces nobody has
// answered are highlighted; faint detections are dashed, stay masked and need no answer. Boxes come in master pixels
// and are placed in percent of the master's size, so they fit the preview at any width.
import { api, imageUrl } from '/assets/api.js';
import { byId, el, replace, say } from '/assets/dom.js';
import { isFaint, isVideo, itemStatus, unanswered } from './status.js';
import { forgetTrackImages, trackFigure, trackImages } from './tracks.js';

const recheckEveryMs = 1_000;

const others = [
  ['staff', 'Staff'],
  ['not-a-child', 'Not in our setting'],
  ['not-a-face', 'Not a face'],
];

const answerWords = {
  staff: 'staff',
  'not-a-child': 'someone outside our setting',
  'not-a-face': 'not a face',
  unassigned: 'not answered yet',
};

let shown = null;
let shownUrl = null;
// A video's faces are tracks: each shown with its own clearest frame (tracks.js), not boxes on one picture.
let trackUrls = null;
let recheckTimer = null;

/**
 * Shows the faces of `item` of `observation` for answering; `children` is the room list (for names). `onChanged()`
 * after each saved answer, so the list behind can refresh.
 */
export async function showFaces(item, observation, children, onChanged) {
  const dialog = byId('faces');
  clearTimeout(recheckTimer);
  closeImage();
  say(byId('faces-error'), '');
  say(byId('faces-saved'), '');
  shown = { item, observation, children, onChanged };
  if (isVideo(item)) {
    const urls = await trackImages(item);
    if (shown?.item !== item) {
      forgetTrackImages(urls);
      return;
    }

    trackUrls = urls;
  } else {
    const url = await imageUrl(`/api/tablet/media/${encodeURIComponent(item.mediaId)}/preview`);
    if (shown?.item !== item) {
      URL.revokeObjectURL(url);
      return;
    }

    shownUrl = url;
  }

  render();
  if (!dialog.open) {
    dialog.showModal();
  }

  // The first face to answer, or Done when there is none: where a finger or the keyboard goes next.
  (byId('faces-answers').querySelector('.face-answer.needed button') ?? byId('faces-done')).focus();
  recheckWhileProcessing();
}

/** The media id shown in the panel, or null when it is closed. */
export function shownMediaId() {
  return byId('faces').open ? shown?.item.mediaId ?? null : null;
}

/** Replaces the shown item with a newer view of it (the list behind polled it). */
export function refreshFaces(item) {
  if (shown && shownMediaId() === item.mediaId) {
    shown.item = item;
    render();
  }
}

export function hideFaces() {
  clearTimeout(recheckTimer);
  closeImage();
  shown = null;
  const dialog = byId('faces');
  if (dialog.open) {
    dialog.close();
  }
}

/** Wires the dialog's own controls once. */
export function wireFaces() {
  byId('faces-done').addEventListener('click', () => hideFaces());
  byId('faces').addEventListener('close', () => {
    clearTimeout(recheckTimer);
    closeImage();
    shown = null;
  });
}

function closeImage() {
  forgetTrackImages(trackUrls);
  trackUrls = null;
  if (shownUrl) {
    URL.revokeObjectURL(shownUrl);
    shownUrl = null;
  }
}

function taggedNames() {
  return (shown.observation.children ?? []).map((id) => shown.children.find((child) => child.id === id)?.name ?? 'a child');
}

function render() {
  const { item } = shown;
  const faces = item.faces.map((face, index) => ({ face, number: index + 1 }));
  const certain = faces.filter(({ face }) => !isFaint(face));
  const faint = faces.filter(({ face }) => isFaint(face));
  const [words, tone] = itemStatus(item, taggedNames());
  const status = byId('faces-item-status');
  status.textContent = words;
  status.className = `item-status ${tone}`;
  status.dataset.status = item.status;

  const video = isVideo(item);
  byId('faces-photo').hidden = video;
  byId('faces-photo').parentElement.classList.toggle('tracks', video);
  if (video) {
    replace(byId('faces-photo'));
  } else {
    const image = el('img', { src: shownUrl, alt: 'The photo, with a numbered box over each face found' });
    replace(byId('faces-photo'), image, faces.map(({ face, number }) => faceBox(face, number)));
  }

  const left = unanswered(item).length;
  replace(byId('faces-answers'),
    el('p', { class: 'hint', id: 'faces-hint' }, certain.length === 0
      ? `No certain faces were found in this ${video ? 'video' : 'photo'}.`
      : left > 0
        ? `Tap one answer for each highlighted face (${left} left).`
        : 'Every certain face has an answer. You can change one with a tap.'),
    faint.length > 0 ? el('p', { class: 'hint faint-note' }, video
      ? 'Faint detections stay masked in every frame and need no answer.'
      : 'Dashed boxes are faint detections: they stay masked and need no answer.') : null,
    certain.map(({ face, number }) => faceAnswers(face, number)),
    faint.length > 0
      ? el('details', { class: 'faint-faces' },
        el('summary', {}, `Faint detections (${faint.length}): optional`),
        faint.map(({ face, number }) => faceAnswers(face, number)))
      : null);
}

function faceBox(face, number) {
  const faint = isFaint(face);
  const kind = face.kind ?? 'unassigned';
  const box = el('button', {
    type: 'button',
    class: ['face-box', faint ? 'faint' : kind === 'unassigned' ? 'needed' : 'named'],
    'aria-label': `Face ${number}${faint ? ', faint' : ''}: go to its answers`,
    dataset: { face: face.faceId },
  }, el('span', { 'aria-hidden': 'true' }, String(number)));
  // CSSOM, not a style attribute: the content security policy allows the one and refuses the other.
  box.style.left = `${(face.x / shown.item.width) * 100}%`;
  box.style.top = `${(face.y / shown.item.height) * 100}%`;
  box.style.width = `${(face.w / shown.item.width) * 100}%`;
  box.style.height = `${(face.h / shown.item.height) * 100}%`;
  box.addEventListener('click', () => goToFace(face.faceId));
  return box;
}

function faceAnswers(face, number) {
  const kind = face.kind ?? 'unassigned';
  const faint = isFaint(face);
  const titleId = `face-title-${face.faceId}`;
  const tagged = [...(shown.observation.children ?? [])].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
  // The tagged children first; a face already named as another child keeps that child's button too.
  const childIds = face.childId && !tagged.includes(face.childId) ? [...tagged, face.childId] : tagged;
  const current = kind === 'child' ? nameOf(face.childId) : answerWords[kind] ?? kind;
  return el('div', {
    class: ['face-answer', !faint && kind === 'unassigned' && 'needed'],
    role: 'group',
    'aria-labelledby': titleId,
    dataset: { face: face.faceId, kind },
  },
  el('h3', { id: titleId }, `Face ${number}${faint ? ' (faint)' : ''}`),
  el('p', { class: 'hint answer-now' }, `Now: ${current}`),
  trackUrls ? trackFigure(shown.item, face, number, trackUrls.get(face.faceId)) : null,
  el('div', { class: 'answer-buttons' },
    childIds.map((id) => answerButton(face, nameOf(id), 'child', id)),
    others.map(([value, text]) => answerButton(face, text, value, null))));
}

function answerButton(face, text, kind, childId) {
  const pressed = (face.kind ?? 'unassigned') === kind && (kind !== 'child' || face.childId === childId);
  const button = el('button', { type: 'button', class: 'answer', 'aria-pressed': pressed ? 'true' : 'false' }, text);
  button.addEventListener('click', () => answer(face, kind, childId, text));
  return button;
}

function nameOf(childId) {
  return shown.children.find((child) => child.id === childId)?.name ?? 'a child not on the room list';
}

async function answer(face, kind, childId, text) {
  const { item, onChanged } = shown;
  const error = byId('faces-error');
  const saved = byId('faces-saved');
  say(error, '');
  const number = item.faces.indexOf(face) + 1;
  const buttons = [...byId('faces-answers').querySelectorAll('button')];
  buttons.forEach((b) => { b.disabled = true; });
  // A video's answer may take a while (its renditions are re-made): say it is on its way.
  say(saved, `Saving face ${number}…`);
  try {
    const body = [{ faceId: face.faceId, childId: kind === 'child' ? childId : null, kind }];
    const updated = await api(`/api/tablet/media/${encodeURIComponent(item.mediaId)}/faces`, { method: 'PUT', json: body });
    if (!shown || shown.item.mediaId !== item.mediaId) {
      return;
    }

    shown.item = updated?.faces ? { ...item, ...updated } : item;
    say(saved, `Saved: face ${number} is ${kind === 'child' ? text : answerWords[kind]}.`);
    render();
    (byId('faces-answers').querySelector('.face-answer.needed button') ?? byId('faces-done')).focus();
    recheckWhileProcessing();
    onChanged();
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    say(saved, '');
    say(error, `Face ${number} was not saved: ${e.message}`);
  }
}

function goToFace(faceId) {
  const group = byId('faces-answers').querySelector(`.face-answer[data-face="${CSS.escape(faceId)}"]`);
  if (!group) {
    return;
  }

  const details = group.closest('details');
  if (details) {
    details.open = true;
  }

  for (const other of byId('faces-answers').querySelectorAll('.face-answer.selected')) {
    other.classList.remove('selected');
  }

  group.classList.add('selected');
  group.scrollIntoView({ block: 'nearest' });
  (group.querySelector('button[aria-pressed="true"]') ?? group.querySelector('button')).focus();
}

/** While the service re-checks the photo after an answer, asks again every second until it has a result. */
function recheckWhileProcessing() {
  clearTimeout(recheckTimer);
  if (!shown || shown.item.status !== 'processing') {
    return;
  }

  const { observation, item } = shown;
  recheckTimer = setTimeout(async () => {
    try {
      const now = await api(`/api/tablet/observations/${encodeURIComponent(observation.observationId)}`);
      const fresh = now.items.find((i) => i.mediaId === item.mediaId);
      if (fresh && shown?.item.mediaId === item.mediaId) {
        shown.item = fresh;
        render();
        shown.onChanged();
      }
    } catch {
      // Offline for a moment: asked again below.
    }

    recheckWhileProcessing();
  }, recheckEveryMs);
}
