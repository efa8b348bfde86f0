// The review queue (issue 8 §3; api.md GET /api/manager/review, POST /api/manager/media/{id}/decision, GET
// .../master): each held, needs-assignment or blocked item with its reasons, the unmasked master (fetched with
// the token, shown through a blob: URL, released when the page goes) with the detected faces boxed and numbered,
// a labelled choice per face, and the decision buttons. A decision's answer (the item as it now stands) replaces
// the card in place, so a photo released for the journal can still be approved for the website next.
// Issue 12 §2: each item says in a sentence which purpose still holds it and who can act (`summary`); a face can be
// dismissed as not a face; faint detections are dashed; `?view=publishable` lists released photos so that a photo
// released with nobody touching it can still be approved for the website or publicity.
import { api, imageUrl } from '/assets/api.js';
import { el, replace, say, showDialog, when, whileWorking } from '/assets/dom.js';
import { childLabel, childrenById, download, errorBox, hasLeft, messageOf, plural, startPage } from './nav.js';
import { drawTextBoxes, textSection } from './review-text.js';
import { refreshWho, showVideo } from './review-video.js';

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

const views = {
  waiting: {
    title: 'Waiting for review',
    path: '/api/manager/review',
    link: 'review.html',
    empty: 'Nothing is waiting for review.',
    hint: (queue) => `${countOf(queue)} waiting, oldest first. Name each face, then choose a purpose and a decision.`,
    purpose: 'journal',
  },
  publishable: {
    title: 'Released photos',
    path: '/api/manager/review?view=publishable',
    link: 'review.html?view=publishable',
    empty: 'No released photos to approve for the website or publicity.',
    hint: (queue) => `${countOf(queue)} already released to families. Choose Website or Publicity, then press Approve for website (or for publicity).`,
    purpose: 'website',
  },
};

const imageUrls = [];
window.addEventListener('pagehide', () => imageUrls.forEach((url) => URL.revokeObjectURL(url)));

startPage(async (content) => {
  const viewName = new URLSearchParams(location.search).get('view') === 'publishable' ? 'publishable' : 'waiting';
  const view = views[viewName];
  document.title = `${view.title} · MediaGate Manager's console`;
  const [queue, children] = await Promise.all([api(view.path), childrenById()]);
  replace(content,
    viewSwitch(viewName),
    el('h2', { class: 'view-title' }, view.title),
    queue.length === 0
      ? el('p', { class: 'message ok', role: 'status' }, view.empty)
      : [el('p', { class: 'hint' }, view.hint(queue)), queue.map((item) => itemCard(item, children, view.purpose))]);
});

/** "1 photo", "3 photos", "2 photos and 1 video": what the list holds, in words. */
function countOf(queue) {
  const videos = queue.filter((item) => item.kind === 'video').length;
  const photos = queue.length - videos;
  return [photos > 0 || videos === 0 ? plural(photos, 'photo') : null, videos > 0 ? plural(videos, 'video') : null].filter(Boolean).join(' and ');
}

function viewSwitch(current) {
  return el('nav', { class: 'view-switch', 'aria-label': 'Review views' },
    el('ul', {}, Object.entries(views).map(([name, view]) =>
      el('li', {}, el('a', { href: view.link, 'aria-current': name === current ? 'page' : false }, view.title)))));
}

function itemCard(item, children, purpose) {
  const card = el('article', { class: 'review-item panel', 'aria-labelledby': `item-${item.mediaId}-title`, dataset: { media: item.mediaId } });
  const figure = el('figure', { class: 'review-photo' });
  const details = el('div', { class: 'review-details' });
  card.append(figure, details);
  if (item.kind === 'video') {
    showVideo(figure, item, children, imageUrls);
  } else {
    showPhoto(figure, item);
  }

  showDetails(details, item, children, null, purpose);
  return card;
}


async function showPhoto(figure, item) {
  const frame = el('div', { class: 'face-frame' });
  replace(figure, frame, el('figcaption', { class: 'hint' }, faceCaption(item)));
  try {
    const url = await imageUrl(`/api/manager/media/${encodeURIComponent(item.mediaId)}/master`);
    imageUrls.push(url);
    const alt = `Photo received ${when(item.receivedAt)}, unmasked`;
    const image = el('img', { src: url, alt });
    replace(frame, image, item.faces.map((face) => faceBox(face, item, figure.closest('article'))));
    drawTextBoxes(figure.closest('article'));
    const enlarge = el('button', { type: 'button', class: 'enlarge', 'aria-haspopup': 'dialog' }, 'Enlarge the photo');
    enlarge.addEventListener('click', () => showLarge(enlarge, item, url, alt));
    figure.append(el('div', { class: 'actions' }, enlarge));
  } catch (e) {
    replace(frame, errorBox(e));
  }
}

/**
 * The photo at the screen's full width in a dialog, its boxes numbered above each face (the card's photo is small on
 * a tablet): closed with its button or Escape, and the focus goes back to the button that opened it.
 */
function showLarge(opener, item, url, alt) {
  const frame = el('div', { class: 'face-frame large' }, el('img', { src: url, alt }),
    item.faces.map((face) => placeBox(el('span', { class: ['face-box', isFaint(face) && 'faint'], 'aria-hidden': 'true' },
      el('span', { class: 'face-number' }, String(face.number))), face, item)));
  if (item.width && item.height) {
    frame.style.setProperty('--ratio', String(item.width / item.height));
  }

  const titleId = `large-${item.mediaId}-title`;
  showDialog(opener, { class: 'photo-dialog', 'aria-labelledby': titleId }, (close) => [
    el('div', { class: 'photo-dialog-head' }, el('h2', { id: titleId }, `Photo received ${when(item.receivedAt)}`), close),
    frame,
    el('p', { class: 'hint' }, faceCaption(item, false))]);
}

function faceCaption(item, canTap = true) {
  const faint = item.faces.filter(isFaint).length;
  const tap = canTap ? (item.faces.length === 1 ? ': tap its box to name it' : ': tap a box to name it') : '';
  return item.faces.length === 0 ? 'No faces were found.'
    : `${plural(item.faces.length, 'face')} found${tap}.${faint ? ` ${faint} faint (dashed): masked, never holding the photo.` : ''}`;
}

/** A faint detection (api.md `faint`; a service without it says `uncertain`): masked, never holds. */
function isFaint(face) {
  return face.faint === true || (face.faint === undefined && face.uncertain === true);
}

// A box is a button, as on the tablet: tapping it opens that face's choice (the drop-down beside the photo).
function faceBox(face, item, card) {
  const box = el('button', { type: 'button', class: ['face-box', isFaint(face) && 'faint'], 'aria-label': `Box ${face.number}: whose face is it?` },
    el('span', { class: 'face-number', 'aria-hidden': 'true' }, String(face.number)));
  box.addEventListener('click', () => {
    const select = card?.querySelector(`select[data-face="${CSS.escape(face.faceId)}"]`);
    if (!select) {
      return;
    }

    select.focus();
    try {
      select.showPicker();
    } catch {
      // A browser without showPicker for selects: the focused drop-down opens with the keyboard or a tap.
    }
  });
  return placeBox(box, face, item);
}

function placeBox(box, face, item) {
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
  const help = el('p', { id: `decision-help-${id}`, class: 'hint decision-help' });
  // Release and Block only: the service's `mask` does what `release` does (every face not named, or without consent, stays
  // masked), and two buttons doing the same made a manager hesitate (found in a walkthrough).
  const buttons = [
    decisionButton('release', 'primary'),
    decisionButton('block', 'danger'),
  ];
  // The buttons' names and the sentence explaining them follow the purpose (for the website or publicity the manager
  // approves the photo for it: the same `release` the service takes) and the face choices: which faces will be masked
  // is said before the press, and an approval for the public with no face named says that every face will be masked
  // (a walkthrough approved a photo for publicity whose faces nobody had named, and got a copy with every face masked).
  function explain() {
    // Only where faces need real names (the website, publicity, events): in the journals matching counts may show a face
    // nobody named, so nothing is claimed there. A face dismissed as not a face gets no mask; staff may be shown by a setting.
    const named = item.faces.map((face, i) => [face, faceSelects[i][1].value]).filter(([, value]) => value !== 'not-a-face');
    const chosenAs = (...values) => (purpose.value === 'journal' ? [] : named.filter(([, value]) => values.includes(value)).map(([face]) => face));
    const masked = chosenAs('unassigned', 'not-a-child');
    const allMasked = masked.length > 0 && masked.length === named.length;
    // Staff adults are masked or shown by the setting (Gate:StaffAdults, masked by default), which the page does not know.
    const staff = chosenAs('staff');
    buttons.forEach((b) => { b.textContent = buttonText(b.dataset.action, purpose.value, allMasked); });
    help.textContent = [decisionHelp(purpose.value), maskedSentence(masked, allMasked, purpose.value), staffSentence(staff, purpose.value)]
      .filter(Boolean).join(' ');
  }
  purpose.addEventListener('change', explain);
  faceSelects.forEach(([, select]) => select.addEventListener('change', explain));
  explain();

  async function decide(action) {
    say(error, '');
    try {
      const body = { purpose: purpose.value, action, assignments: item.faces.map((face, i) => assignment(face, faceSelects[i][1].value)) };
      const now = await api(`/api/manager/media/${encodeURIComponent(id)}/decision`, { method: 'POST', json: body });
      showDetails(details, now, children, `Saved: ${actionText(action, body.purpose)} for ${purposeText(body.purpose)}. ${summaryOf(now)}`, body.purpose);
    } catch (e) {
      say(error, messageOf(e));
    }
  }

  function decisionButton(action, kind) {
    const button = el('button', { type: 'button', class: kind, dataset: { action }, 'aria-describedby': help.id });
    button.addEventListener('click', () => whileWorking(button, () => decide(action), { others: buttons.filter((b) => b !== button), key: details }));
    return button;
  }

  replace(details,
    el('h2', { id: `item-${id}-title`, class: 'item-title' }, `${item.kind === 'video' ? 'Video' : 'Photo'} received ${when(item.receivedAt)} `,
      el('span', { class: ['badge', badgeOf(item.status)], dataset: { status: item.status } }, statusText[item.status] ?? item.status)),
    el('p', { class: 'summary' }, summaryOf(item)),
    // The service's summary already says why it is held, in the same words: the status detail only without one.
    !item.summary && item.statusDetail ? el('p', {}, item.statusDetail) : null,
    el('p', { class: 'tagged' }, 'Tagged by staff: ', namesOf(item.taggedChildren, children) || 'nobody'),
    managerActions(item),
    publicityDownload(item),
    item.faces.length > 0 ? el('fieldset', { class: 'faces' }, el('legend', {}, 'Whose faces are these?'),
      el('p', { class: 'hint' }, unnamedFacesHint(item)),
      el('div', { class: 'face-choices' }, faceSelects.map((pair) => el('div', { class: 'face-choice' }, pair)))) : null,
    el('div', { class: 'decision' },
      el('div', { class: 'purpose' }, el('label', { for: purpose.id }, 'Purpose'), purpose),
      el('div', { class: 'actions' }, buttons)),
    help,
    status, error,
    textSection(item),
    reasonsList(item));
  if (message) {
    say(status, message);
  }

  if (item.kind === 'video') {
    refreshWho(details.closest('article'), item, children);
  }
}

// What happens to a face nobody named (product.md, "The decision": matching counts). It said "stays masked", which was
// not true of a photo released because its certain faces matched its tagged children. A video's own word for a video.
export function unnamedFacesHint(item) {
  return `A face not named is masked, except where the ${thingOf(item)}'s certain faces are exactly as many as its tagged `
    + 'children and every one of them may be in group photos: then the families of those children see every face.';
}

/** "photo" or "video" (api.md: an item's `kind`; a service without it sends photos only). */
function thingOf(item) {
  return item.kind === 'video' ? 'video' : 'photo';
}

function faceSelect(mediaId, face, children) {
  const select = el('select', { id: `face-${mediaId}-${face.number}`, dataset: { face: face.faceId } },
    el('option', { value: 'unassigned' }, 'Not named yet'),
    el('option', { value: 'staff' }, 'A staff member'),
    el('option', { value: 'not-a-child' }, 'Not a child in our setting'),
    el('option', { value: 'not-a-face' }, 'Not a face (no mask)'),
    faceChildren(face, children).map((child) => el('option', { value: `child:${child.id}` },
      hasLeft(child) ? `${childLabel(child)}, has left` : childLabel(child))));
  select.value = face.childId ? `child:${face.childId}` : face.kind;
  if (!select.value) {
    select.value = 'unassigned';
  }

  return [el('label', { for: select.id }, `Face ${face.number}${isFaint(face) ? ' (faint: masked, never holds)' : ''}`), select];
}

/**
 * The children a face may be named as: those still here (a child who has left is no longer tagged, as on the tablet
 * and the Events page), and the one the face is named as now even if they have left since, so the choice shows it
 * (marked "has left") instead of silently becoming another.
 */
function faceChildren(face, children) {
  return [...children.values()].filter((child) => !hasLeft(child) || child.id === face.childId);
}

function assignment(face, value) {
  return value.startsWith('child:')
    ? { faceId: face.faceId, childId: value.slice('child:'.length) }
    : { faceId: face.faceId, childId: null, kind: value };
}

/**
 * The engine's reasons, folded away (the summary above already says what holds the photo and who can act), each once
 * per purpose: the families' decisions repeat the same reasons per family. A purpose that no child may be published
 * for is not "awaiting approval": approving it would release nothing.
 */
function reasonsList(item) {
  const byPurpose = new Map();
  for (const decision of item.decisions ?? []) {
    const said = byPurpose.get(decision.purpose) ?? new Set();
    for (const reason of decision.reasons) {
      if (!(reason.code === 'AwaitingManagerApproval' && !publishable(decision))) {
        said.add(reason.message);
      }
    }

    byPurpose.set(decision.purpose, said);
  }

  const shown = [...byPurpose].filter(([, said]) => said.size > 0);
  if (shown.length === 0) {
    return null;
  }

  return el('details', { class: 'reasons' }, el('summary', {}, 'Why, purpose by purpose'),
    el('dl', {}, shown.map(([purpose, said]) => [
      el('dt', {}, purposes.find(([p]) => p === purpose)?.[1] ?? purpose),
      el('dd', {}, el('ul', {}, [...said].map((message) => el('li', {}, message)))),
    ])));
}

/** Whether approving could publish anything: not a block, and some face shown (or no face at all). */
function publishable(decision) {
  return decision.verdict !== 'block' && (decision.faces.length === 0 || decision.faces.includes('show'));
}

/**
 * Which purpose, if any, still holds the photo and who can act, in one sentence: the service's `summary`, or (from a
 * service that does not send one) worked out from the decisions, never claiming "held" for a purpose the manager
 * has released.
 */
function summaryOf(item) {
  if (item.summary) {
    return item.summary;
  }

  const acted = item.managerActions ?? {};
  const holding = [...new Set((item.decisions ?? []).filter((d) => d.verdict === 'hold').map((d) => d.purpose))]
    .filter((p) => !acted[p]);
  if (item.status === 'processing') {
    return `MediaGate is checking this ${thingOf(item)} again.`;
  }

  if (item.status === 'needs-assignment' && holding.length > 0) {
    return `Held for ${listOf(holding)} until its faces are named: staff on the tablet or you can name them.`;
  }

  if (holding.length > 0) {
    return `Held for ${listOf(holding)}: only you can release or block it.`;
  }

  if (item.status === 'blocked') {
    return 'Blocked: no family or website receives it.';
  }

  const released = Object.entries(acted).filter(([, a]) => a === 'release' || a === 'mask').map(([p]) => p);
  return released.length > 0
    ? `Nothing holds it now. You released it for ${listOf(released)}.`
    : 'Nothing holds it now.';
}

function listOf(values) {
  const words = values.map(purposeText);
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function managerActions(item) {
  const entries = Object.entries(item.managerActions ?? {});
  return entries.length === 0 ? null
    : el('p', {}, 'Your decisions so far: ', entries.map(([p, a]) => `${purposeText(p)}: ${actionText(a, p)}`).join('; '), '.');
}

// The approved publicity rendition (README GET /api/manager/media/{id}/publicity) is for the manager to
// post by hand; offered once the manager has approved the item for publicity (the server answers 404 otherwise).
function publicityDownload(item) {
  if (item.managerActions?.publicity !== 'release') {
    return null;
  }

  const error = el('span', { role: 'alert', class: 'block' });
  // A video's publicity rendition is its masked still (a JPEG), not the clip.
  const button = el('button', { type: 'button' }, item.kind === 'video' ? 'Download the publicity still of the video' : 'Download the publicity photo');
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

/** The website and publicity are approved (api.md: `release` there is the approval); the journal and events released. */
function isPublic(purpose) {
  return purpose === 'website' || purpose === 'publicity';
}

function actionText(action, purpose) {
  const approve = isPublic(purpose);
  return { release: approve ? 'approved' : 'released', mask: approve ? 'approved with masks' : 'released with masks', block: 'blocked', approve: 'approved' }[action] ?? action;
}

function buttonText(action, purpose, allMasked = false) {
  if (action === 'block') {
    return 'Block';
  }

  const verb = isPublic(purpose) ? `Approve for ${purposeText(purpose)}` : 'Release';
  return allMasked ? `${verb} with every face masked` : verb;
}

/** One plain sentence on what the buttons do for this purpose (README: a release releases; consent still applies). */
function decisionHelp(purpose) {
  const does = purpose === 'website' ? 'puts it on the website' : 'lets you download it for publicity';
  return isPublic(purpose)
    ? `Approve for ${purposeText(purpose)} ${does} with every face not named masked, and a named child without ${purposeText(purpose)} consent masked too; Block keeps it off.`
    : 'Release sends it out with every face not named, or without consent, masked; Block keeps it back for this purpose.';
}

/** Faces named as staff: masked in this purpose's copy unless the setting shows staff adults. */
function staffSentence(staff, purpose) {
  if (staff.length === 0) {
    return '';
  }

  return `${faceList(staff)} named as staff: masked in the ${purposeText(purpose)} copy unless the setting shows staff adults (Gate:StaffAdults; it masks them by default).`;
}

/** "Face 2 is", "Faces 1, 3 and 4 are". */
function faceList(faces) {
  const numbers = faces.map((face) => face.number);
  return numbers.length === 1 ? `Face ${numbers[0]} is` : `Faces ${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]} are`;
}

/** Which faces the choices leave masked in this purpose's copy (none listed: nothing said); with none named, what to do instead. */
function maskedSentence(masked, allMasked, purpose) {
  if (masked.length === 0) {
    return '';
  }

  const copy = `the ${purposeText(purpose)} copy`;
  if (allMasked) {
    return `Nobody in it is named as a child here, so every face will be masked in ${copy}: name the children first to show those whose families agreed.`;
  }

  return `${faceList(masked)} not named as a child here, so ${masked.length === 1 ? 'it' : 'they'} will be masked in ${copy}.`;
}
