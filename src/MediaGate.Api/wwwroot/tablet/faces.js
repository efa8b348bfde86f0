// Saying whose the faces are (issue 8, Tablet capture; api.md PUT /api/tablet/media/{id}/faces). The preview
// (GET /api/tablet/media/{id}/preview, only for the staff member who uploaded it) is shown with a button over each
// detected face; the boxes come in master pixels and are placed in percent of the master's size, so they fit the
// preview at any width. Each face also has a labelled list, so the page works with the keyboard alone.
import { api, imageUrl } from '/assets/api.js';
import { byId, el, replace, say } from '/assets/dom.js';

const choices = {
  unassigned: 'Not said yet (stays masked)',
  staff: 'A staff member',
  notAChild: 'Not a child in our setting',
};

let shownUrl = null;

/** Shows the faces of `item` (from an observation) for naming; `children` are the room list; `onSaved(item)` after a save. */
export async function showFaces(item, children, onSaved) {
  const section = byId('faces');
  const photo = byId('faces-photo');
  const list = byId('faces-list');
  const error = byId('faces-error');
  const status = byId('faces-status');
  say(error, '');
  say(status, '');
  closeImage();
  const image = el('img', { alt: 'The photo, with a box over each face found' });
  shownUrl = await imageUrl(`/api/tablet/media/${encodeURIComponent(item.mediaId)}/preview`);
  image.src = shownUrl;
  const boxes = item.faces.map((face, index) => faceBox(face, index, item));
  replace(photo, image, boxes);
  replace(list, item.faces.map((face, index) => faceChoice(face, index, children)));
  boxes.forEach((box, index) => box.addEventListener('click', () => selectFace(index)));

  const form = byId('faces-form');
  form.onsubmit = async (event) => {
    event.preventDefault();
    say(error, '');
    say(status, '');
    try {
      const saved = await api(`/api/tablet/media/${encodeURIComponent(item.mediaId)}/faces`, { method: 'PUT', json: assignments(item) });
      say(status, 'Saved. MediaGate is checking the photo again with these names.');
      onSaved(saved);
    } catch (e) {
      say(error, e.message);
    }
  };
  byId('faces-close').onclick = () => hideFaces();
  section.hidden = false;
  byId('faces-title').focus();
}

export function hideFaces() {
  closeImage();
  byId('faces').hidden = true;
}

function closeImage() {
  if (shownUrl) {
    URL.revokeObjectURL(shownUrl);
    shownUrl = null;
  }
}

function faceBox(face, index, item) {
  const named = face.kind !== 'unassigned';
  const box = el('button', {
    type: 'button',
    class: ['face-box', named && 'named'],
    'aria-label': `Face ${index + 1}: choose who it is`,
    dataset: { face: face.faceId },
  }, el('span', { 'aria-hidden': 'true' }, String(index + 1)));
  // CSSOM, not a style attribute: the content security policy allows the one and refuses the other.
  box.style.left = `${(face.x / item.width) * 100}%`;
  box.style.top = `${(face.y / item.height) * 100}%`;
  box.style.width = `${(face.w / item.width) * 100}%`;
  box.style.height = `${(face.h / item.height) * 100}%`;
  return box;
}

function faceChoice(face, index, children) {
  const select = el('select', { id: `face-${face.faceId}`, name: face.faceId, dataset: { face: face.faceId } },
    el('option', { value: 'unassigned' }, choices.unassigned),
    children.map((child) => el('option', { value: `child:${child.id}` }, child.room ? `${child.name} (${child.room})` : child.name)),
    el('option', { value: 'staff' }, choices.staff),
    el('option', { value: 'not-a-child' }, choices.notAChild));
  select.value = face.kind === 'child' && face.childId ? `child:${face.childId}` : face.kind;
  if (!select.value) {
    select.value = 'unassigned';
  }

  select.addEventListener('change', () => {
    document.querySelector(`.face-box[data-face="${CSS.escape(face.faceId)}"]`)?.classList.toggle('named', select.value !== 'unassigned');
  });
  const note = face.uncertain ? el('p', { class: 'hint' }, 'Found with low confidence: this face stays masked whatever is chosen.') : null;
  return el('li', { dataset: { face: face.faceId } }, el('label', { for: select.id }, `Face ${index + 1}`), select, note);
}

function selectFace(index) {
  const rows = [...byId('faces-list').children];
  const boxes = [...byId('faces-photo').querySelectorAll('.face-box')];
  rows.forEach((row, i) => row.classList.toggle('selected', i === index));
  boxes.forEach((box, i) => box.classList.toggle('selected', i === index));
  rows[index]?.querySelector('select')?.focus();
}

function assignments(item) {
  return item.faces.map((face) => {
    const value = byId(`face-${face.faceId}`).value;
    return value.startsWith('child:')
      ? { faceId: face.faceId, childId: value.slice('child:'.length), kind: 'child' }
      : { faceId: face.faceId, childId: null, kind: value };
  });
}
