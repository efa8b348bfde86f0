// A held video in the review queue (issue 14: "the manager reviews a held video with its tracks, and can play the
// master"). The unmasked master plays only when the manager asks (each play is audited by the service, and the page
// does not open every video on load). A <video> cannot send the bearer header, so the master (GET .../video: at most
// 720p, re-encoded, so tens of MB) is fetched with the token into a blob, within a size limit, and played from its
// object URL (the policy allows `media-src blob:`), which seeks in memory; the URL is revoked when the page goes.
// Beneath it, every track (one face followed through the clip) in a table: its clearest frame, when it is seen, its
// score, whether it is faint, and who it is now. The face choices and decisions are the photo's own (review.js).
import { api, ApiError, imageUrl } from '/assets/api.js';
import { el, replace, when } from '/assets/dom.js';
import { errorBox, plural } from './nav.js';

const kindWords = {
  unassigned: 'Not named yet',
  staff: 'A staff member',
  'not-a-child': 'Not a child in our setting',
  'not-a-face': 'Not a face (no mask)',
};

/** The largest master the page fetches to play: beyond it, the browser would hold too much in memory. */
export const masterLimitBytes = 300 * 1024 * 1024;

/** The unmasked master of a video (manager only; audited by the service) as an object URL; revoke it when done. */
export async function masterUrl(mediaId) {
  const response = await api(`/api/manager/media/${encodeURIComponent(mediaId)}/video`, { raw: true });
  const declared = Number(response.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > masterLimitBytes) {
    await response.body?.cancel();
    throw new ApiError(413, `This video is too large to play here (over ${masterLimitBytes / (1024 * 1024)} MB).`, null);
  }

  const blob = await response.blob();
  if (blob.size > masterLimitBytes) {
    throw new ApiError(413, `This video is too large to play here (over ${masterLimitBytes / (1024 * 1024)} MB).`, null);
  }

  return URL.createObjectURL(blob.type ? blob : new Blob([blob], { type: 'video/mp4' }));
}

/** "0:07" or "1:02:03". */
export function clock(ms) {
  const total = Math.max(0, Math.floor((Number(ms) || 0) / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** Fills the review card's figure for a video: the master on request, and its tracks. */
export function showVideo(figure, item, children, urls) {
  const player = el('div', { class: 'video-frame' });
  const play = el('button', { type: 'button', class: 'primary' }, 'Play the master (unmasked)');
  play.addEventListener('click', async () => {
    play.disabled = true;
    replace(player, play, el('p', { class: 'hint', role: 'status' }, 'Loading the master…'));
    try {
      const video = el('video', { controls: true, playsinline: true, preload: 'metadata', 'aria-label': `Video received ${when(item.receivedAt)}, unmasked master` });
      const url = await masterUrl(item.mediaId);
      urls.push(url);
      video.src = url;
      replace(player, video);
      video.play().catch(() => {
        // The controls are there: the manager presses play.
      });
      video.focus();
    } catch (e) {
      play.disabled = false;
      replace(player, play, errorBox(e));
    }
  });
  replace(player, play);
  replace(figure, player,
    el('figcaption', { class: 'hint' }, trackCaption(item)),
    item.faces.length > 0 ? trackTable(item, children, urls) : null);
}

function trackCaption(item) {
  const faint = item.faces.filter(isFaint).length;
  return item.faces.length === 0 ? 'No faces were found in this video.'
    : `${plural(item.faces.length, 'face')} followed through the video: name ${item.faces.length === 1 ? 'it' : 'each'} below.${faint ? ` ${faint} faint: masked in every frame, never holding it.` : ''}`;
}

function isFaint(face) {
  return face.faint === true || (face.faint === undefined && face.uncertain === true);
}

function trackTable(item, children, urls) {
  // When each face is seen, its score and whether it is faint share one cell, a line each, so that the table fits the
  // review's photo column on a tablet (768 px) without scrolling sideways. The scrolling box (focusable, so a
  // keyboard can scroll it) stays for a narrower screen.
  return el('div', { class: 'tracks-scroll', tabindex: '0', role: 'region', 'aria-label': 'Faces in the video, scrollable' }, el('table', { class: 'tracks' },
    el('caption', {}, 'Faces in the video'),
    el('thead', {}, el('tr', {},
      ['Face', 'Clearest frame', 'Who it is', 'Seen, score, faint'].map((h) => el('th', { scope: 'col' }, h)))),
    el('tbody', {}, item.faces.map((face) => el('tr', { dataset: { face: face.faceId } },
      el('th', { scope: 'row' }, `Face ${face.number}`),
      el('td', {}, cropCell(item, face, urls)),
      el('td', { class: 'who' }, whoText(face, children)),
      el('td', { class: 'facts' },
        el('span', { class: 'seen' }, `${clock(face.firstMs)}–${clock(face.lastMs)}`),
        el('span', { class: 'score' }, typeof face.score === 'number' ? `Score ${face.score.toFixed(2)}` : 'Score not known'),
        el('span', { class: 'faint' }, isFaint(face) ? 'Faint' : 'Not faint')))))));
}

/** After a decision: the table's "who it is" from the item as it now stands (the player keeps playing). */
export function refreshWho(card, item, children) {
  for (const face of item.faces) {
    const cell = card?.querySelector(`table.tracks tr[data-face="${CSS.escape(face.faceId)}"] td.who`);
    if (cell) {
      cell.textContent = whoText(face, children);
    }
  }
}

function whoText(face, children) {
  if (face.childId) {
    return children.get(face.childId)?.name ?? 'an unknown child';
  }

  return kindWords[face.kind ?? 'unassigned'] ?? face.kind;
}

function cropCell(item, face, urls) {
  const cell = el('span', { class: 'track-crop' }, el('span', { class: 'hint' }, 'Loading…'));
  imageUrl(`/api/manager/media/${encodeURIComponent(item.mediaId)}/faces/${encodeURIComponent(face.faceId)}/crop`)
    .then((url) => {
      urls.push(url);
      replace(cell, el('img', { src: url, alt: `Face ${face.number}, unmasked` }));
    })
    .catch((e) => replace(cell, el('span', { class: 'hint' }, e instanceof ApiError && e.status === 404 ? 'No picture' : 'Not loaded')));
  return cell;
}
