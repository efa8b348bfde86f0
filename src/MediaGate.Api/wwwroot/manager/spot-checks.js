// Spot checks (issue 12 §2): certain detections that someone dismissed as "not a face" lose their mask, so the
// manager looks over them (GET /api/manager/dismissals). Each shows the detection's crop of the master (GET
// /api/manager/media/{mediaId}/faces/{faceId}/crop, fetched with the token and shown through a blob: URL released
// when the page goes), its score, who dismissed it and when; a wrong one is corrected from the photo's review card.
import { api, ApiError, imageUrl } from '/assets/api.js';
import { el, replace, when } from '/assets/dom.js';
import { errorBox, startPage } from './nav.js';

const imageUrls = [];
window.addEventListener('pagehide', () => imageUrls.forEach((url) => URL.revokeObjectURL(url)));

startPage(async (content) => {
  let dismissals;
  let accounts;
  try {
    [dismissals, accounts] = await Promise.all([api('/api/manager/dismissals'), accountNames()]);
  } catch (e) {
    if (e instanceof ApiError && e.status === 404) {
      replace(content, el('p', { class: 'message info', role: 'status' }, 'This MediaGate does not list dismissed detections yet.'));
      return;
    }

    throw e;
  }

  if (dismissals.length === 0) {
    replace(content, el('p', { class: 'message ok', role: 'status' }, 'No certain detection has been dismissed as not a face.'));
    return;
  }

  const cards = dismissals.map((d) => dismissalCard(d, accounts));
  replace(content,
    el('p', { class: 'hint' }, `${dismissals.length} certain detection(s) dismissed as "not a face", newest first. They are shown unmasked: if one is a face, find its photo in the review queue (Released photos) and name it.`),
    el('ul', { class: 'dismissals', 'aria-label': 'Dismissed detections' }, cards.map(([card]) => card)));
  // The crops load after the list is on the page; one that cannot be fetched says so in its own card.
  await Promise.all(cards.map(([, load]) => load()));
});

/** Account id → username, so that "dismissed by" names a person; ids of accounts since removed stay as they are. */
async function accountNames() {
  const accounts = await api('/api/manager/accounts');
  return new Map(accounts.map((account) => [account.id, account.username]));
}

function dismissalCard(dismissal, accounts) {
  const label = `Face ${dismissal.number ?? '?'} of photo ${String(dismissal.mediaId).slice(0, 8)}`;
  const frame = el('div', { class: 'crop' });
  const card = el('li', { class: 'dismissal panel', dataset: { media: dismissal.mediaId, face: dismissal.faceId } },
    el('h2', { class: 'item-title' }, label),
    frame,
    el('dl', {},
      el('dt', {}, 'Score'), el('dd', {}, typeof dismissal.score === 'number' ? dismissal.score.toFixed(2) : '—'),
      el('dt', {}, 'Dismissed by'), el('dd', { class: 'wrap' }, accounts.get(dismissal.by) ?? dismissal.by ?? '—'),
      el('dt', {}, 'When'), el('dd', {}, when(dismissal.at))));
  const load = async () => {
    try {
      const url = await imageUrl(`/api/manager/media/${encodeURIComponent(dismissal.mediaId)}/faces/${encodeURIComponent(dismissal.faceId)}/crop`);
      imageUrls.push(url);
      replace(frame, el('img', { src: url, alt: `What was dismissed as not a face: ${label}` }));
    } catch (e) {
      replace(frame, errorBox(e));
    }
  };
  return [card, load];
}
