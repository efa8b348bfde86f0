// The review queue (issue 8 §3; api.md GET /api/manager/review, POST /api/manager/media/{id}/decision, GET
// .../master): each held, needs-assignment or blocked item with its reasons, the unmasked master (fetched with
// the token, shown through a blob: URL, released when the page goes) with the detected faces boxed and numbered,
// a labelled choice per face, and the decision buttons. A decision's answer (the item as it now stands) replaces
// the card in place, so a photo released for the journal can still be approved for the website next.
import { api, imageUrl } from '/assets/api.js';
import { el, replace, say, when } from '/assets/dom.js';
import { childrenById, download, errorBox, messageOf, startPage } from './nav.js';

const purposes = [
  ['journal', 'Journal (families)'],
  ['website', 'Website'],
  ['publicity', 'Publicity'],
  ['events', 'Events'],
];

const statusText = {
  held: 'Held',
  'needs-assignment': 'Needs faces named',
  blocked: 'Blocked',
  released: 'Released',
  processing: 'Being checked',
};

const imageUrls = [];
window.addEventListener('pagehide', () => imageUrls.forEach((url) => URL.revokeObjectURL(url)));

startPage(async (content) => {
  const [queue, children] = await Promise.all([api('/api/manager/review'), childrenById()]);
  if (queue.length === 0) {
    replace(content, el('p', { class: 'message ok', role: 'status' }, 'Nothing is waiting for review.'));
    return;
  }

  replace(content,
    el('p', { class: 'hint' }, `${queue.length} item(s), oldest first. Name each face, then choose a purpose and a decision.`),
    queue.map((item) => itemCard(item, children)));
});

function itemCard(item, children) {
  const card = el('article', { class: 'review-item panel', 'aria-labelledby': `item-${item.mediaId}-title`, dataset: { media: item.mediaId } });
  const figure = el('figure', { class: 'review-photo' });
  const details = el('div', { class: 'review-details' });
  card.append(figure, details);
  showPhoto(figure, item);
  showDetails(details, item, children, null);
  return card;
}


async function showPhoto(figure, item) {
  const frame = el('div', { class: 'face-frame' });
  replace(figure, frame, el('figcaption', { class: 'hint' }, faceCaption(item)));
  try {
    const url = await imageUrl(`/api/manager/media/${encodeURIComponent(item.mediaId)}/master`);
    imageUrls.push(url);
    const image = el('img', { src: url, alt: `Photo received ${when(item.receivedAt)}, unmasked` });
    replace(frame, image, item.faces.map((face) => faceBox(face, item)));
  } catch (e) {
    replace(frame, errorBox(e));
  }
}

function faceCaption(item) {
  return item.faces.length === 0 ? 'No faces were found.' : `${item.faces.length} face(s) found, numbered on the photo.`;
}

function faceBox(face, item) {
  const box = el('span', { class: ['face-box', face.uncertain && 'uncertain'], 'aria-hidden': 'true' },
    el('span', { class: 'face-number' }, String(face.number)));
  if (item.width && item.height) {
    // CSSOM, not a style attribute (the content security policy refuses those): percent of the master's size.
    box.style.left = `${(face.x / item.width) * 100}%`;
    box.style.top = `${(face.y / item.height) * 100}%`;
    box.style.width = `${(face.w / item.width) * 100}%`;
    box.style.height = `${(face.h / item.height) * 100}%`;
  }

  return box;
}

function showDetails(details, item, children, message, chosenPurpose = 'journal') {
  const id = item.mediaId;
  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const faceSelects = item.faces.map((face) => faceSelect(id, face, children));
  const purpose = el('select', { id: `purpose-${id}` }, purposes.map(([value, text]) => el('option', { value }, text)));
  purpose.value = chosenPurpose;
  const buttons = [
    decisionButton('release', 'Release', 'primary'),
    decisionButton('mask', 'Release with masks', null),
    decisionButton('block', 'Block', 'danger'),
  ];

  async function decide(action) {
    say(error, '');
    buttons.forEach((b) => { b.disabled = true; });
    try {
      const body = { purpose: purpose.value, action, assignments: item.faces.map((face, i) => assignment(face, faceSelects[i][1].value)) };
      const now = await api(`/api/manager/media/${encodeURIComponent(id)}/decision`, { method: 'POST', json: body });
      showDetails(details, now, children, `Saved: ${actionText(action)} for ${purposeText(body.purpose)}. The item is now ${(statusText[now.status] ?? now.status).toLowerCase()}.`, body.purpose);
    } catch (e) {
      say(error, messageOf(e));
      buttons.forEach((b) => { b.disabled = false; });
    }
  }

  function decisionButton(action, text, kind) {
    const button = el('button', { type: 'button', class: kind, dataset: { action } }, text);
    button.addEventListener('click', () => decide(action));
    return button;
  }

  replace(details,
    el('h2', { id: `item-${id}-title`, class: 'item-title' }, `Photo received ${when(item.receivedAt)} `,
      el('span', { class: ['badge', badgeOf(item.status)], dataset: { status: item.status } }, statusText[item.status] ?? item.status)),
    item.statusDetail ? el('p', {}, item.statusDetail) : null,
    el('p', {}, 'Tagged by staff: ', namesOf(item.taggedChildren, children) || 'nobody'),
    reasonsList(item),
    managerActions(item),
    publicityDownload(item),
    item.faces.length > 0 ? el('fieldset', {}, el('legend', {}, 'Whose faces are these?'), el('div', { class: 'choices' }, faceSelects.map((pair) => el('div', {}, pair)))) : null,
    el('div', { class: 'decision' },
      el('label', { for: purpose.id }, 'Purpose'), purpose,
      el('p', { class: 'hint' }, 'For the website or publicity, Release approves the photo.'),
      el('div', { class: 'actions' }, buttons)),
    status, error);
  if (message) {
    say(status, message);
  }
}

function faceSelect(mediaId, face, children) {
  const select = el('select', { id: `face-${mediaId}-${face.number}`, dataset: { face: face.faceId } },
    el('option', { value: 'unassigned' }, 'Not said yet (stays masked)'),
    el('option', { value: 'staff' }, 'A staff member'),
    el('option', { value: 'not-a-child' }, 'Not a child in our setting'),
    [...children.values()].map((child) => el('option', { value: `child:${child.id}` }, child.room ? `${child.name} (${child.room})` : child.name)));
  select.value = face.childId ? `child:${face.childId}` : face.kind;
  if (!select.value) {
    select.value = 'unassigned';
  }

  return [el('label', { for: select.id }, `Face ${face.number}${face.uncertain ? ' (unsure detection)' : ''}`), select];
}

function assignment(face, value) {
  return value.startsWith('child:')
    ? { faceId: face.faceId, childId: value.slice('child:'.length) }
    : { faceId: face.faceId, childId: null, kind: value };
}

function reasonsList(item) {
  const reasons = [...new Set(item.decisions.flatMap((d) => d.reasons.map((r) => r.message)))];
  return reasons.length === 0
    ? el('p', {}, 'No reasons given.')
    : [el('h3', {}, 'Why it is here'), el('ul', { class: 'reasons' }, reasons.map((r) => el('li', {}, r)))];
}

function managerActions(item) {
  const entries = Object.entries(item.managerActions ?? {});
  return entries.length === 0 ? null
    : el('p', {}, 'Your decisions so far: ', entries.map(([p, a]) => `${purposeText(p)}: ${actionText(a)}`).join('; '), '.');
}

// The approved publicity rendition (contract8.md GET /api/manager/media/{id}/publicity) is for the manager to
// post by hand; offered once the manager has approved the item for publicity (the server answers 404 otherwise).
function publicityDownload(item) {
  if (item.managerActions?.publicity !== 'release') {
    return null;
  }

  const error = el('span', { role: 'alert', class: 'block' });
  const button = el('button', { type: 'button' }, 'Download the publicity photo');
  button.addEventListener('click', async () => {
    error.textContent = '';
    try {
      const response = await api(`/api/manager/media/${encodeURIComponent(item.mediaId)}/publicity`, { raw: true });
      download(await response.blob(), `publicity-${item.mediaId.slice(0, 8)}.jpg`);
    } catch (e) {
      error.textContent = messageOf(e);
    }
  });
  return el('div', { class: 'actions' }, button, error);
}

function namesOf(ids, children) {
  return ids.map((id) => children.get(id)?.name ?? 'an unknown child').join(', ');
}

function badgeOf(status) {
  return status === 'released' ? 'ok' : status === 'blocked' ? 'danger' : 'warn';
}

function purposeText(value) {
  return (purposes.find(([p]) => p === value)?.[1] ?? value).toLowerCase();
}

function actionText(action) {
  return { release: 'released', mask: 'released with masks', block: 'blocked', approve: 'approved' }[action] ?? action;
}
