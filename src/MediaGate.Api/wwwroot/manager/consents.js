// The consent matrix as an editable grid (issue 8 §3; api.md GET /api/manager/consents, PUT
// /api/manager/consents/{childId}/{purpose}, consents.csv; README POST /api/manager/consents/preview):
// children by purposes, each cell with its status, given-by, evidence and review date. Changing a cell is two
// steps: the change is previewed first (which released items it would re-make or withdraw, nothing saved) and
// saved only when the manager confirms what they were shown.
import { api, imageUrl } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say, when, whileWorking } from '/assets/dom.js';
import { download, messageOf, startPage } from './nav.js';

const purposes = [
  ['journal', 'Journal'],
  ['website', 'Website'],
  ['publicity', 'Publicity'],
  ['events', 'Events'],
];

const statusText = { granted: 'Given', withdrawn: 'Withdrawn', lapsed: 'Lapsed', notAsked: 'Not asked', refused: 'Refused', notYetInForce: 'Not yet in force' };

startPage(async (content) => {
  replace(content,
    el('section', { 'aria-labelledby': 'grid-title' },
      el('h2', { id: 'grid-title' }, 'Who may appear where'),
      el('p', { class: 'hint' }, 'Choose Change in a cell to record a new consent or a withdrawal. You see which photos it affects before it is saved.'),
      el('div', { id: 'grid', class: 'table-scroll' })),
    el('section', { id: 'editor', class: 'panel', 'aria-labelledby': 'editor-title', hidden: true }),
    csvSection());
  await showGrid();
});

async function showGrid() {
  const rows = await api('/api/manager/consents');
  const grid = byId('grid');
  if (rows.length === 0) {
    replace(grid, el('p', {}, 'No children yet. Add them on the ', el('a', { href: 'children.html' }, 'Children page'), ', or import a CSV below.'));
    return;
  }

  replace(grid, el('table', { class: 'consent-grid' },
    el('caption', { class: 'visually-hidden' }, 'Consent by child and purpose'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Child'), purposes.map(([, text]) => el('th', { scope: 'col' }, text)))),
    el('tbody', {}, rows.map((row) => el('tr', { dataset: { child: row.childId } },
      el('th', { scope: 'row' }, row.name, row.room ? el('span', { class: 'hint block' }, row.room) : null),
      purposes.map(([purpose, text]) => cell(row, purpose, text)))))));
}

function cell(row, purpose, purposeName) {
  const c = row.cells[purpose];
  const change = el('button', { type: 'button', class: 'link-button', 'aria-label': `Change ${purposeName} consent for ${row.name}` }, 'Change');
  change.addEventListener('click', () => showEditor(row, purpose, purposeName, c));
  return el('td', { dataset: { purpose, status: c.status } },
    el('span', { class: ['badge', c.granted ? 'ok' : c.status === 'notAsked' ? null : 'danger'] }, statusText[c.status] ?? c.status),
    c.group ? el('span', { class: 'block' }, 'With group photos') : null,
    c.givenBy ? el('span', { class: 'block hint' }, `By ${c.givenBy}`) : null,
    c.evidence ? el('span', { class: 'block hint' }, `Evidence: ${c.evidence}`) : null,
    c.expiresOn ? el('span', { class: 'block hint' }, `Review by ${c.expiresOn}`) : null,
    el('span', { class: 'block' }, change));
}

function showEditor(row, purpose, purposeName, current) {
  const editor = byId('editor');
  const key = `${row.childId}-${purpose}`;
  // A consent never asked starts on "Choose": neither answer is assumed for the manager, who opened it to record one.
  const notAsked = current.status === 'notAsked';
  const granted = el('select', { id: `edit-granted-${key}`, required: true },
    notAsked ? el('option', { value: '' }, 'Choose') : null,
    el('option', { value: 'true' }, 'Consent given'),
    el('option', { value: 'false' }, notAsked ? 'No consent' : 'No consent (withdraw)'));
  granted.value = notAsked ? '' : String(current.granted);
  const group = el('input', { id: `edit-group-${key}`, type: 'checkbox', checked: current.group });
  // Group photos are part of a journal consent: without one the box is off and cannot be ticked.
  const showGroup = () => {
    group.disabled = granted.value !== 'true';
    if (group.disabled) {
      group.checked = false;
    }
  };
  granted.addEventListener('change', showGroup);
  showGroup();
  const givenBy = el('input', { id: `edit-given-by-${key}`, required: true, maxlength: 500, value: current.givenBy ?? '' });
  const evidence = el('input', { id: `edit-evidence-${key}`, required: true, maxlength: 500, value: current.evidence ?? '' });
  const expiresOn = el('input', { id: `edit-review-${key}`, type: 'date', value: current.expiresOn ?? '' });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const preview = el('div', { id: 'preview', 'aria-live': 'polite' });
  const check = el('button', { type: 'submit', class: 'primary' }, 'Check what changes');
  const cancel = el('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => { editor.hidden = true; });

  const body = () => ({
    granted: granted.value === 'true',
    group: purpose === 'journal' && granted.value === 'true' && group.checked,
    givenBy: givenBy.value.trim(),
    evidence: evidence.value.trim(),
    expiresOn: expiresOn.value || null,
  });

  const form = el('form', {},
    field('Consent', granted),
    purpose === 'journal' ? el('label', { class: 'choice', for: group.id }, group, 'Also in group photos other families receive') : null,
    field('Given or withdrawn by', givenBy),
    field('Evidence (e.g. signed form, email)', evidence),
    field('Review date (optional: the consent lapses then)', expiresOn),
    error,
    el('div', { class: 'actions' }, check, cancel),
    preview);
  onSubmit(form, async () => {
    say(error, '');
    replace(preview);
    const change = body();
    try {
      const result = await api('/api/manager/consents/preview', { method: 'POST', json: { childId: row.childId, purpose, ...change } });
      showPreview(preview, result, async () => {
        await api(`/api/manager/consents/${encodeURIComponent(row.childId)}/${purpose}`, { method: 'PUT', json: change });
        editor.hidden = true;
        await showGrid();
        const done = el('p', { class: 'message ok', role: 'status' }, `Saved: ${purposeName} consent for ${row.name}.`);
        byId('grid').prepend(done);
      }, error);
    } catch (e) {
      say(error, messageOf(e));
    }
  });

  replace(editor, el('h2', { id: 'editor-title', tabindex: '-1' }, `${purposeName} consent for ${row.name}`), form);
  editor.hidden = false;
  byId('editor-title').focus();
}

// Thumbnails of the previewed photos (the manager's own view: the master), released when the preview goes.
let thumbnailUrls = [];

/**
 * What the change would do, counted truly (issue 13: photos never on the website were counted as "released" there,
 * because every changing decision was counted, held and unpublished ones too): per purpose, the photos shown now
 * (`shown`: a rendition exists) that would come down or be made again (`staysShown`), and apart from them those
 * nobody is shown now, which would only be decided again. `data-count` is the number of photos shown now that change.
 */
function showPreview(preview, result, save, error) {
  thumbnailUrls.forEach((url) => URL.revokeObjectURL(url));
  thumbnailUrls = [];
  const confirm = el('button', { type: 'button', class: 'primary', id: 'confirm-change' }, 'Save this change');
  confirm.addEventListener('click', () => whileWorking(confirm, async () => {
    try {
      await save();
    } catch (e) {
      say(error, messageOf(e));
    }
  }));
  const released = result.affected.filter((item) => item.changes.some((c) => c.shown));
  const counts = [];
  for (const [purpose, name] of purposes) {
    const of = (test) => result.affected.filter((item) => item.changes.some((c) => c.purpose === purpose && test(c)));
    const down = of((c) => c.shown && !c.staysShown);
    // Of those, the ones decided again as held: they wait until a face is named (staff on the tablet, or the manager in
    // Review), then go out again with what the new consent allows. Said here, so the queue that follows is no surprise.
    const waiting = of((c) => c.shown && !c.staysShown && c.verdict === 'hold');
    const again = of((c) => c.shown && c.staysShown);
    const reconsidered = of((c) => !c.shown);
    const said = [
      down.length ? `${items(down)} ${down.length === 1 ? 'comes' : 'come'} down${waitingClause(waiting.length, down.length)}` : null,
      again.length ? `${items(again)} ${again.length === 1 ? 'is' : 'are'} made again` : null,
      reconsidered.length ? `${items(reconsidered)} not shown now ${reconsidered.length === 1 ? 'is' : 'are'} decided again` : null,
    ].filter(Boolean);
    if (said.length) {
      counts.push(el('li', { dataset: { purpose } }, `${name}: ${said.join('; ')}.`));
    }
  }

  replace(preview,
    el('h3', {}, 'What this change affects'),
    el('p', { id: 'preview-count', dataset: { count: String(released.length) } }, result.count === 0
      ? `No ${kinds([])} changes.`
      : released.length === 0
        ? `No released ${kinds(result.affected)} changes. ${items(result.affected)} not shown to anyone now will be decided again.`
        : `${items(released)} released now will be made again or withdrawn.`),
    counts.length ? el('ul', { class: 'preview-counts' }, counts) : null,
    result.count === 0 ? null : el('ul', { class: 'affected' }, result.affected.map(affectedItem)),
    el('div', { class: 'actions' }, confirm));
  confirm.focus();
}

/** " (2 of them wait until a face is named ..., then go out again)" for the photos coming down that are held; "" for none. */
function waitingClause(waiting, down) {
  if (waiting === 0) {
    return '';
  }

  const who = waiting < down ? `${waiting} of them wait` : down === 1 ? 'it waits' : 'they all wait';
  return ` (${who} until a face is named on the tablet or in Review, then ${waiting === 1 ? 'goes' : 'go'} out again)`;
}

/** "photo", "video", or "photo or video" (both, or none to go by): what the items are, in a sentence that does not count them. */
function kinds(list) {
  const videos = list.filter((item) => item.kind === 'video').length;
  if (list.length === 0 || (videos > 0 && videos < list.length)) {
    return 'photo or video';
  }

  return videos > 0 ? 'video' : 'photo';
}

/** "1 photo", "3 photos", "1 video", "2 photos and 1 video": the items counted by their kind (a video is never a "photo"). */
function items(list) {
  const videos = list.filter((item) => item.kind === 'video').length;
  const photos = list.length - videos;
  const counted = (n, noun) => (n === 1 ? `1 ${noun}` : `${n} ${noun}s`);
  if (videos === 0) {
    return counted(photos, 'photo');
  }

  return photos === 0 ? counted(videos, 'video') : `${counted(photos, 'photo')} and ${counted(videos, 'video')}`;
}

function affectedItem(item) {
  const thing = item.kind === 'video' ? 'video' : 'photo';
  const image = el('img', { alt: `${thing === 'video' ? 'Video' : 'Photo'} taken ${item.takenAt ? when(item.takenAt) : 'on an unknown day'}`, width: 96, height: 72 });
  imageUrl(`/api/manager/media/${encodeURIComponent(item.mediaId)}/master`)
    .then((url) => {
      thumbnailUrls.push(url);
      image.src = url;
    })
    .catch(() => {
      image.alt = `${image.alt} (the ${thing} cannot be shown)`;
    });
  const said = (c) => (!c.shown ? 'decided again (not shown now)' : c.staysShown ? 'made again' : c.verdict === 'hold' ? 'comes down until a face is named' : 'comes down');
  const byPurpose = [...new Set(item.changes.map((c) => `${c.purpose}: ${said(c)}`))];
  return el('li', { class: 'affected-item', dataset: { media: item.mediaId } }, image,
    el('span', {}, el('span', { class: 'block' }, item.takenAt ? `Taken ${when(item.takenAt)}` : 'Taken on an unknown day'),
      el('span', { class: 'block hint' }, byPurpose.join('; '))));
}

function csvSection() {
  const file = el('input', { id: 'csv-file', type: 'file', accept: '.csv,text/csv' });
  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const exportButton = el('button', { type: 'button' }, 'Export consents.csv');
  exportButton.addEventListener('click', async () => {
    say(error, '');
    try {
      const response = await api('/api/manager/consents.csv', { raw: true });
      download(await response.blob(), 'consents.csv');
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  const form = el('form', {}, field('CSV file to import', file), el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Import')));
  onSubmit(form, async () => {
    say(status, '');
    say(error, '');
    if (!file.files?.length) {
      say(error, 'Choose a CSV file first.');
      return;
    }

    try {
      const result = await api('/api/manager/consents.csv', { method: 'PUT', body: file.files[0], headers: { 'Content-Type': 'text/csv' } });
      say(status, `Imported ${result.records} consent record(s) and ${result.newChildren} new child(ren).`);
      await showGrid();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  return el('section', { 'aria-labelledby': 'csv-title' },
    el('h2', { id: 'csv-title' }, 'CSV'),
    el('p', { class: 'hint' }, 'The export is the whole matrix; an import is checked in full and saved only when every line is valid.'),
    el('div', { class: 'actions' }, exportButton),
    form, status, error);
}
