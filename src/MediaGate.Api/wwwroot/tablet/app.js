// The tablet page (issue 8, section 1; issue 12 §2): set up the device once (from the set-up link of the manager's
// QR code, or typed), staff sign in with a PIN, take or
// choose photos, tag the children, upload through the offline queue. A fresh upload is watched every second until
// it has been checked; if a certain face needs an answer, the face panel opens by itself (or, while the next upload is
// being prepared, the list offers it), so the practitioner closes the loop at capture.
import { api, ApiError } from '/assets/api.js';
import { byId, el, replace, say, when } from '/assets/dom.js';
import { checkDevice, deviceLabel, enrol, enrolledDevice, forgetDevice, keepDevice, signedInStaff, staffSignIn, staffSignOut } from './device.js';
import { captureTime } from './capture-time.js';
import { clipProblem, durationCheck, isClip, keepQueue, limitText, photoProblem, roomProblem, sizeText, useKeptLimits, useLimits } from './clips.js';
import { forgetLists, keepList, keptList, today } from './kept-lists.js';
import { pauseSignIn, signInPaused, waitText } from '/assets/lockout.js';
import { clearNotePreview, wireNotePreview } from './note-preview.js';
import { hideFaces, refreshFaces, showFaces, shownMediaId, wireFaces } from './faces.js';
import * as queue from './queue.js';
import { isVideo, itemStatus, needsAnswer, unanswered } from './status.js';
import { sendQueue } from './uploader.js';
import { readSetupLink } from '/assets/setup-link.js';

const retryEveryMs = 30_000;
const refreshWhileProcessingMs = 4_000;
const watchEveryMs = 1_000;
const watchAtMostMs = 5 * 60_000;

let children = [];
let childrenProblem = null;
// Today's events (GET /api/tablet/events): an upload may name one, and then tags only its attendees.
let events = [];
let chosen = [];
// True from the first Upload tap until the capture is queued: a second tap (a double tap) is ignored.
let preparing = false;
// The Idempotency-Key of the capture being prepared: one capture, one key, however many times Upload fires.
let captureKey = null;
// A fresh upload whose faces need naming while an upload was being prepared: offered in the list, not opened.
let prompted = null;
let sending = false;
let recentTimer = null;
// Fresh uploads being watched until checked: observation id → when the watch started.
const watching = new Map();
let watchTimer = null;
// The device of a set-up link opened on a tablet already set up as another one, checked and waiting for staff to say
// whether it replaces this tablet's: nothing else keeps its secret, and it is dropped with the answer.
let offeredDevice = null;

function show() {
  const device = enrolledDevice();
  const staff = signedInStaff();
  byId('enrol').hidden = Boolean(device);
  byId('sign-in').hidden = !device || Boolean(staff);
  byId('work').hidden = !staff;
  byId('sign-out').hidden = !staff;
  // A shared tablet: the next practitioner sees whose name the uploads carry before taking a photo.
  say(byId('signed-in'), staff ? `Signed in: ${staff}` : '');
  // And which registered device this tablet is (the uploads carry it too; the manager revokes it by this name).
  say(byId('this-device'), device ? `This tablet: ${deviceLabel(device)}.` : '');
  showConnection();
  if (staff) {
    startWork();
  } else {
    // Nobody signed in (signed out, the token refused, the page reopened after it was closed): no names stay kept,
    // and no prompt about the last person's faces.
    forgetLists();
    prompted = null;
    replace(byId('faces-prompt'));
    if (device) {
      byId('staff-username').focus();
    }
  }
}

/**
 * Enrols the tablet from a set-up link (assets/setup-link.js: the Devices page's QR code opens
 * /tablet/#device=…&secret=…). The fragment is taken off the address first, before anything else and whatever
 * follows, so the secret is left neither in the address bar nor in the history. The pair is then checked with the
 * service, with the form's error when it is refused, and the page says which device the tablet became (the name the
 * manager gave it). A tablet already set up as another device is never re-enrolled silently (a stray link opened from
 * an e-mail would take a working tablet over): the link's device is checked, then staff are asked. Answers whether
 * the address held a set-up link.
 */
async function enrolFromLink() {
  const link = readSetupLink(location.hash);
  if (!link) {
    return false;
  }

  history.replaceState(history.state, '', location.pathname + location.search);
  const error = byId('enrol-error');
  const status = byId('enrol-status');
  say(error, '');
  say(byId('device-status'), '');
  const current = enrolledDevice();
  if (current) {
    await offerLink(link, current);
    return true;
  }

  if (link.damaged) {
    say(error, 'This set-up link is incomplete: scan the code again, or enter the device id and secret below.');
    return true;
  }

  say(status, 'Setting up this tablet from the set-up link…');
  try {
    const device = await enrol(link.deviceId, link.deviceSecret);
    say(byId('device-status'), `This tablet is now set up as ${deviceLabel(device)}.`);
  } catch (e) {
    say(error, `The set-up link was not accepted. ${e.message}`);
  } finally {
    say(status, '');
  }

  return true;
}

/** A set-up link on a tablet already set up: the same device changes nothing; another is checked, then staff are asked. */
async function offerLink(link, current) {
  const pageError = byId('page-error');
  const still = `This tablet is still set up as ${deviceLabel(current)}.`;
  say(pageError, '');
  if (link.damaged) {
    say(pageError, `This set-up link is incomplete, so it was not used. ${still}`);
    return;
  }

  if (link.deviceId.trim() === current.deviceId) {
    say(byId('device-status'), `This tablet is already set up as ${deviceLabel(current)}.`);
    return;
  }

  let offered;
  try {
    offered = await checkDevice(link.deviceId, link.deviceSecret);
  } catch (e) {
    say(pageError, `The set-up link was not accepted. ${e.message} ${still}`);
    return;
  }

  offeredDevice = offered;
  const [kept, other] = distinctLabels(current, offered);
  const staff = signedInStaff();
  say(byId('replace-device-text'), `This tablet is set up as ${kept}. The set-up link you opened would make it ${other} instead`
    + `${staff ? `, and sign ${staff} out` : ''}. Photos and videos waiting to upload stay on the tablet. `
    + 'Only do this if the manager asked you to.');
  byId('keep-device').textContent = `Keep ${kept}`;
  byId('replace-device-confirm').textContent = `Set up as ${other}`;
  byId('replace-device').hidden = false;
  byId('replace-device-title').focus();
}

/** The two devices' labels, told apart by their ids' start when the manager gave both the same name. */
function distinctLabels(current, offered) {
  const [a, b] = [deviceLabel(current), deviceLabel(offered)];
  return a === b ? [`${a} (${current.deviceId.slice(0, 8)})`, `${b} (${offered.deviceId.slice(0, 8)})`] : [a, b];
}

/** Staff's answer to the question of offerLink: the link's device replaces this tablet's, or is dropped. */
async function answerOffer(replace) {
  const offered = offeredDevice;
  offeredDevice = null;
  byId('replace-device').hidden = true;
  if (!offered) {
    return;
  }

  if (replace) {
    // The staff token belongs to the device being replaced: signed out first (the queue stays, under each username).
    if (signedInStaff()) {
      await signOutStaff();
    }

    keepDevice(offered);
  }

  const device = enrolledDevice();
  say(byId('device-status'), device ? `This tablet is ${replace ? 'now' : 'still'} set up as ${deviceLabel(device)}.` : '');
  show();
}

function showConnection() {
  byId('connection').textContent = navigator.onLine ? 'Online' : 'Offline: photos and videos are kept on this tablet';
}

async function startWork() {
  await Promise.all([loadChildren(), loadEvents(), loadLimits(), showQueue(), showRecent()]);
  await showClipLimit();
  showChildren();
  sendNow();
}

async function loadChildren() {
  const username = signedInStaff();
  try {
    children = await api('/api/tablet/children');
    childrenProblem = null;
    await keepFor(username, 'rooms', children);
  } catch (e) {
    if (onSignedOut(e)) {
      return;
    }

    // Without Wi-Fi: the room list this tablet last loaded for this staff member (kept-lists.js), so children can be tagged.
    const kept = await keptList('rooms', username);
    childrenProblem = kept
      ? 'Without a connection: this is the room list as this tablet last loaded it.'
      : `The room list could not be loaded: ${e.message}`;
    if (!kept) {
      return;
    }

    children = kept;
  }

  children.sort((a, b) => (a.room ?? '').localeCompare(b.room ?? '') || a.name.localeCompare(b.name));
}

/**
 * Keeps a list loaded for `username` only while they are still signed in: an answer that arrives after they signed out
 * (slow Wi-Fi: the request went before the sign-out) is not kept, and one kept while they were signing out is forgotten.
 */
async function keepFor(username, name, value, day = null) {
  if (signedInStaff() !== username) {
    return;
  }

  await keepList(name, username, value, day);
  if (signedInStaff() !== username) {
    await forgetLists();
  }
}

async function loadLimits() {
  useKeptLimits();
  try {
    useLimits(await api('/api/tablet/limits'));
  } catch (e) {
    // Offline or refused: the limits kept from the last start (or the service's defaults) stand; the service checks again.
    onSignedOut(e);
  }
}

async function loadEvents() {
  const username = signedInStaff();
  try {
    events = await api('/api/tablet/events');
    await keepFor(username, 'events', events, today());
  } catch (e) {
    if (onSignedOut(e)) {
      return;
    }

    // Without Wi-Fi, today's events as this tablet loaded them today; else the upload names no event (the photos
    // still reach the journals).
    events = await keptList('events', username, today()) ?? [];
  }

  const select = byId('event');
  const chosen = select.value;
  replace(select, el('option', { value: '' }, 'No event'), events.map((event) => el('option', { value: event.id }, event.name)));
  select.value = events.some((event) => event.id === chosen) ? chosen : '';
  byId('event-field').hidden = events.length === 0;
}

function chosenEvent() {
  return events.find((event) => event.id === byId('event').value) ?? null;
}

/** The tag list: every child, or only the chosen event's attendees (the service refuses anyone else), saying so. */
function showChildren() {
  const event = chosenEvent();
  const ticked = new Set([...document.querySelectorAll('#children-list input:checked')].map((box) => box.value));
  const listed = event ? children.filter((child) => event.attendees.includes(child.id)) : children;
  say(byId('event-hint'), event
    ? `Only the ${listed.length} ${listed.length === 1 ? 'child' : 'children'} who attend ${event.name} can be tagged: the photos go to their families.`
    : 'Choose the event if these photos were taken at one.');
  say(byId('children-empty'), childrenProblem ?? (listed.length ? '' : event ? `No child listed for ${event.name} is here: ask the manager to check its attendees.` : 'No children are listed yet.'));
  replace(byId('children-list'), listed.map((child) => el('label', { class: 'choice' },
    el('input', { type: 'checkbox', name: 'children', value: child.id, checked: ticked.has(child.id) }),
    child.room ? `${child.name} (${child.room})` : child.name)));
}

function childName(id) {
  return children.find((child) => child.id === id)?.name ?? 'a child';
}

async function showClipLimit() {
  say(byId('clip-limit'), await limitText());
}

function showChosen() {
  const list = byId('chosen');
  for (const image of list.querySelectorAll('img')) {
    URL.revokeObjectURL(image.src);
  }

  // Photos and videos are numbered apart; a video is named with its size (no player: nothing of hundreds of MB is decoded).
  const photos = chosen.filter((file) => !isClip(file));
  const clips = chosen.filter(isClip);
  const remove = (file) => () => { chosen.splice(chosen.indexOf(file), 1); showChosen(); };
  replace(list,
    photos.map((file, index) => el('li', {},
      el('img', { src: URL.createObjectURL(file), alt: `Chosen photo ${index + 1}` }),
      el('button', { type: 'button', class: 'link-button', onclick: remove(file) }, `Remove photo ${index + 1}`))),
    clips.map((file, index) => el('li', { class: 'clip', dataset: { clip: String(index + 1) } },
      el('span', { class: 'clip-icon', 'aria-hidden': 'true' }, '▶'),
      el('span', { class: 'clip-name' }, `Chosen video ${index + 1}: ${file.name || 'video'}, ${sizeText(file.size)}`),
      el('button', { type: 'button', class: 'link-button', onclick: remove(file) }, `Remove video ${index + 1}`))));
}

/** A photo larger than the service takes is refused here, when it is chosen, not after Upload (the service's 413). */
function onPhotosChosen(event) {
  const files = [...event.target.files];
  event.target.value = '';
  say(byId('capture-error'), files.map(photoProblem).filter(Boolean).join(' '));
  chosen.push(...files.filter((file) => !photoProblem(file)));
  showChosen();
}

async function onClipsChosen(event) {
  const error = byId('capture-error');
  const note = byId('clip-note');
  say(error, '');
  say(note, '');
  const files = [...event.target.files];
  event.target.value = '';
  const problems = [];
  const notes = [];
  for (const file of files) {
    // The size first (nothing read), then the length from the metadata: a clip over either is never queued.
    const tooLarge = clipProblem(file);
    const length = tooLarge ? null : await durationCheck(file);
    if (tooLarge || length.problem) {
      problems.push(tooLarge ?? length.problem);
      continue;
    }

    if (length.note) {
      notes.push(length.note);
    }

    chosen.push(file);
  }

  say(error, problems.join(' '));
  say(note, notes.join(' '));
  showChosen();
}

/**
 * Upload: the capture is queued once. A second tap while it is being prepared (the room check and the capture time
 * are awaited before it is queued) is ignored, the button says it is working, and the capture keeps one
 * Idempotency-Key until it is queued, so even a second submit that got through would be kept and stored once.
 */
// Set by "Upload without a child" for the one upload it sends.
let untaggedMeant = false;

async function onCapture(event) {
  event.preventDefault();
  if (preparing) {
    return;
  }

  const error = byId('capture-error');
  say(error, '');
  if (chosen.length === 0) {
    say(error, 'Take or choose at least one photo or video.');
    byId('photos').focus();
    return;
  }

  // Nobody ticked: the upload would wait for the manager. Asked once, with its own button (Upload pressed again, or a
  // double tap, only asks again), so a photo goes untagged only when the practitioner means it (found in a walkthrough).
  const question = byId('untagged-question');
  if (!untaggedMeant && document.querySelector('#children-list input:checked') === null) {
    question.hidden = false;
    return;
  }

  untaggedMeant = false;
  question.hidden = true;
  preparing = true;
  const upload = byId('upload');
  upload.disabled = true;
  upload.textContent = 'Preparing the upload…';
  try {
    captureKey ??= queue.newKey();
    await queueCapture(error);
  } finally {
    preparing = false;
    upload.disabled = false;
    upload.textContent = 'Upload';
  }
}

async function queueCapture(error) {
  // A clip is queued only when it is within the service's limit and the tablet has room to keep it until it is sent.
  const noRoom = await roomProblem(chosen);
  if (noRoom) {
    say(error, `${noRoom} Nothing was queued.`);
    return;
  }

  if (chosen.some(isClip)) {
    await keepQueue();
  }

  const tagged = [...document.querySelectorAll('#children-list input:checked')].map((box) => box.value);
  // The time the photos carry (EXIF), else now: never the file's modification time, which a copy resets.
  const taken = await captureTime(chosen);
  try {
    await queue.enqueue({
      id: captureKey,
      files: chosen,
      children: tagged,
      note: byId('note').value.trim() || null,
      capturedAt: taken,
      eventId: chosenEvent()?.id ?? null,
      username: signedInStaff(),
    });
  } catch (e) {
    say(error, `The photos could not be kept on this tablet (${e.message}). Nothing was sent; try again.`);
    return;
  }

  captureKey = null;
  showClipLimit();

  // The queue's count is shown before the form clears, so a cleared form always means the queue shows the new entry.
  await showQueue();
  chosen = [];
  showChosen();
  byId('capture-form').reset();
  say(byId('clip-note'), '');
  clearNotePreview();
  showChildren();
  sendNow();
}

async function sendNow() {
  const username = signedInStaff();
  if (sending || !username) {
    return;
  }

  sending = true;
  const box = byId('progress-box');
  const bar = byId('progress');
  try {
    await sendQueue({
      username,
      onProgress: (_, percent, loaded, total) => {
        box.hidden = false;
        bar.value = percent;
        bar.textContent = `${percent}%`;
        // A clip takes minutes on a slow Wi-Fi: the bytes sent say it is moving.
        byId('progress-text').textContent = total ? `${sizeText(loaded)} of ${sizeText(total)} sent (${percent}%)` : `${percent}%`;
      },
      onChange: () => showQueue(),
      onUploaded: (observationId) => watch(observationId),
    });
  } finally {
    sending = false;
    box.hidden = true;
    byId('progress-text').textContent = '';
    await showQueue();
    await showRecent();
    if (!signedInStaff()) {
      show();
    }
  }
}

async function showQueue() {
  const entries = await queue.queued();
  const username = signedInStaff();
  const status = byId('queue-status');
  status.textContent = entries.length === 0
    ? 'Nothing waiting: every photo and video has been uploaded.'
    : `${entries.length} upload${entries.length === 1 ? '' : 's'} waiting on this tablet.`;
  replace(byId('queue-list'), entries.map((entry) => el('li', { dataset: { queued: entry.id } },
    el('h3', {}, `${filesText(entry.files)}, taken ${when(entry.capturedAt)}`),
    el('p', {}, entry.children.length ? `Tagged: ${entry.children.map(childName).join(', ')}` : 'No children tagged'),
    el('p', { class: 'hint' }, entry.username !== username
      ? `Taken by ${entry.username}: uploaded when they sign in.`
      : entry.lastError ?? 'Waiting to upload.'),
    entry.refused
      ? el('button', { type: 'button', class: 'danger', onclick: () => discard(entry.id) }, 'Discard this upload')
      : null)));
}

/** "2 photos", "1 video (48 MB)", "1 photo and 1 video (50 MB)": a queued entry's files. */
function filesText(files) {
  const clips = files.filter((file) => isClip({ type: file.type, name: file.name }));
  const photos = files.length - clips.length;
  const parts = [
    photos > 0 ? `${photos} photo${photos === 1 ? '' : 's'}` : null,
    clips.length > 0 ? `${clips.length} video${clips.length === 1 ? '' : 's'}` : null,
  ].filter(Boolean);
  const bytes = files.reduce((sum, file) => sum + (file.blob?.size ?? 0), 0);
  return clips.length > 0 ? `${parts.join(' and ')} (${sizeText(bytes)})` : parts.join(' and ');
}

async function discard(id) {
  await queue.remove(id);
  await showQueue();
  await showClipLimit();
}

async function showRecent() {
  if (!signedInStaff()) {
    return;
  }

  clearTimeout(recentTimer);
  const status = byId('recent-status');
  let observations;
  try {
    observations = await api('/api/tablet/observations?limit=20');
  } catch (e) {
    if (!onSignedOut(e)) {
      say(status, `Recent uploads could not be loaded: ${e.message}`);
    }

    return;
  }

  say(status, observations.length ? '' : 'Nothing uploaded yet.');
  replace(byId('recent-list'), observations.map(observationCard));
  showFacesPrompt(observations);
  if (observations.some((o) => o.items.some((item) => item.status === 'processing'))) {
    recentTimer = setTimeout(showRecent, refreshWhileProcessingMs);
  }
}

/** Watches a fresh upload: asks for it every second until no item is being checked, then asks about its faces. */
function watch(observationId) {
  watching.set(observationId, Date.now());
  clearTimeout(watchTimer);
  watchTimer = setTimeout(checkWatched, watchEveryMs);
}

async function checkWatched() {
  for (const [observationId, since] of [...watching]) {
    let observation;
    try {
      observation = await api(`/api/tablet/observations/${encodeURIComponent(observationId)}`);
    } catch (e) {
      if (onSignedOut(e)) {
        watching.clear();
        return;
      }

      if (Date.now() - since > watchAtMostMs) {
        watching.delete(observationId);
      }

      continue;
    }

    const shownItem = observation.items.find((item) => item.mediaId === shownMediaId());
    if (shownItem) {
      refreshFaces(shownItem);
    }

    if (observation.items.every((item) => item.status !== 'processing') || Date.now() - since > watchAtMostMs) {
      watching.delete(observationId);
      await showRecent();
      const ask = observation.items.find(needsAnswer);
      if (ask && !shownMediaId()) {
        askAbout(ask, observation);
      }
    }
  }

  if (watching.size > 0) {
    watchTimer = setTimeout(checkWatched, watchEveryMs);
  }
}

/**
 * Asks about a fresh upload's faces. The panel opens by itself only while the form is idle: over a form being filled
 * in, a tap meant for a checkbox could land on a face answer and name a face wrongly, so the list offers it instead.
 */
function askAbout(item, observation) {
  if (preparingUpload()) {
    prompted = { item, observation };
    showFacesPrompt();
  } else {
    openFaces(item, observation);
  }
}

/** An upload is being prepared: a photo or video chosen, a child ticked, an event chosen or a note typed. */
function preparingUpload() {
  return preparing || chosen.length > 0 || byId('note').value.trim() !== '' || byId('event').value !== ''
    || document.querySelector('#children-list input:checked') !== null;
}

/** "2 faces to name" with Answer, above the recent uploads; gone once answered (the list read again says so). */
function showFacesPrompt(observations = []) {
  const fresh = observations.flatMap((o) => o.items.map((item) => ({ item, observation: o })))
    .find(({ item }) => item.mediaId === prompted?.item.mediaId);
  if (fresh) {
    prompted = needsAnswer(fresh.item) ? fresh : null;
  }

  const box = byId('faces-prompt');
  if (!prompted) {
    replace(box);
    return;
  }

  const count = unanswered(prompted.item).length;
  const { item, observation } = prompted;
  replace(box, el('p', {},
    `${count} face${count === 1 ? '' : 's'} to name in the ${isVideo(item) ? 'video' : 'photo'} you uploaded. `,
    el('button', { type: 'button', class: 'primary', onclick: () => { prompted = null; replace(box); openFaces(item, observation); } }, 'Answer')));
}

function observationCard(observation) {
  const names = observation.children.map(childName);
  return el('li', { dataset: { observation: observation.observationId } },
    el('h3', {}, `Taken ${when(observation.capturedAt)}`),
    observation.note ? el('p', {}, observation.note) : null,
    el('p', { class: 'hint' }, names.length ? `Tagged: ${names.join(', ')}` : 'No children tagged'),
    el('ul', { class: 'items' }, observation.items.map((item, index) => {
      const [words, tone] = itemStatus(item, names);
      const video = isVideo(item);
      const canName = item.faces.length > 0 && (video || (item.width && item.height)) && item.status !== 'processing' && item.status !== 'failed';
      const asked = needsAnswer(item);
      const what = `${video ? 'video' : 'photo'} ${index + 1}`;
      return el('li', { dataset: { media: item.mediaId, status: item.status, kind: video ? 'video' : 'photo' } },
        el('span', { class: 'photo-number' }, video ? `Video ${index + 1}` : `Photo ${index + 1}`),
        el('span', { class: ['badge', tone] }, words),
        canName
          ? el('button', { type: 'button', class: asked ? 'primary' : null, onclick: () => openFaces(item, observation) },
            asked ? `Answer ${unanswered(item).length} face${unanswered(item).length === 1 ? '' : 's'} in ${what}` : `Faces in ${what}`)
          : null);
    })));
}

async function openFaces(item, observation) {
  try {
    await showFaces(item, observation, children, () => showRecent());
  } catch (e) {
    if (!onSignedOut(e)) {
      say(byId('page-error'), `The ${isVideo(item) ? 'video' : 'photo'} could not be shown: ${e.message}`);
    }
  }
}

/** A 401 means the token has expired or the device was revoked: back to sign-in. */
function onSignedOut(error) {
  if (error instanceof ApiError && error.status === 401) {
    hideFaces();
    show();
    return true;
  }

  return false;
}

function wire() {
  wireFaces();
  wireNotePreview();
  byId('enrol-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = byId('enrol-error');
    say(error, '');
    try {
      const device = await enrol(byId('device-id').value, byId('device-secret').value);
      say(byId('device-status'), `This tablet is now set up as ${deviceLabel(device)}.`);
      byId('enrol-form').reset();
      showSecret(false);
      show();
    } catch (e) {
      say(error, e.message);
    }
  });
  // The secret is 43 mixed-case characters typed by hand: the person typing may show it to check it.
  byId('show-secret').addEventListener('change', (event) => showSecret(event.target.checked));
  byId('sign-in-form').addEventListener('submit', async (event) => {
    event.preventDefault();
    const error = byId('sign-in-error');
    const submit = byId('sign-in-form').querySelector('button[type=submit]');
    if (signInPaused(submit)) {
      return;
    }

    say(error, '');
    try {
      await staffSignIn(byId('staff-username').value.trim(), byId('staff-pin').value);
      say(byId('device-status'), '');
      byId('sign-in-form').reset();
      show();
    } catch (e) {
      // A throttled PIN (429) waits as the journal and the console do: the sentence counts down, Sign in off until then.
      if (e instanceof ApiError && e.status === 429) {
        pauseSignIn(submit, error, e.retryAfterSeconds ?? 60, (left) => `Too many failed sign-ins. Try again in ${waitText(left)}.`);
      } else {
        say(error, e.message);
      }
    }
  });
  byId('forget-device').addEventListener('click', () => {
    forgetDevice();
    offeredDevice = null;
    byId('replace-device').hidden = true;
    say(byId('page-error'), '');
    say(byId('device-status'), '');
    show();
  });
  byId('keep-device').addEventListener('click', () => answerOffer(false));
  byId('replace-device-confirm').addEventListener('click', () => answerOffer(true));
  byId('sign-out').addEventListener('click', async () => {
    await signOutStaff();
    show();
  });
  byId('photos').addEventListener('change', onPhotosChosen);
  byId('clips').addEventListener('change', onClipsChosen);
  byId('capture-form').addEventListener('submit', onCapture);
  byId('upload-untagged').addEventListener('click', () => {
    untaggedMeant = true;
    byId('capture-form').requestSubmit();
  });
  // Ticking a child answers the question.
  byId('children-list').addEventListener('change', () => { byId('untagged-question').hidden = true; });
  byId('event').addEventListener('change', showChildren);
  byId('send-now').addEventListener('click', () => sendNow());
  window.addEventListener('online', () => { showConnection(); sendNow(); });
  window.addEventListener('offline', showConnection);
  setInterval(() => { if (navigator.onLine) { sendNow(); } }, retryEveryMs);
}

async function signOutStaff() {
  // Stop every timer that would ask the API with the token being signed out (its answer would be a 401).
  clearTimeout(recentTimer);
  clearTimeout(watchTimer);
  watching.clear();
  hideFaces();
  await forgetLists();
  await staffSignOut();
}

function showSecret(shown) {
  byId('show-secret').checked = shown;
  byId('device-secret').type = shown ? 'text' : 'password';
}

function registerServiceWorker() {
  // Installable and the page opens without Wi-Fi; the worker caches the page's own files only (sw.js).
  if ('serviceWorker' in navigator) {
    navigator.serviceWorker.register('sw.js', { scope: './' }).catch(() => {
      // Without the worker the page still works online, and the queue still keeps photos: nothing to tell staff.
    });
  }
}

wire();
registerServiceWorker();
show();
// A set-up link opened on the page (the camera's link while it was already open only changes the fragment).
window.addEventListener('hashchange', async () => {
  if (await enrolFromLink()) {
    show();
  }
});
if (await enrolFromLink()) {
  show();
}
