// A family's video in the journal (issue 14, "The pages"). The entry first shows the masked poster frame (this
// parent's own rendition's poster, GET .../image, fetched with the token like a photo). A <video> element cannot send
// the bearer header, so "Play" asks the service for a short-lived, audited link to this parent's one rendition
// (POST .../video/link) and plays from it: the service answers byte ranges there, so the player seeks without
// downloading the clip, and the page never holds a blob of hundreds of MB (nor needs `media-src blob:`). A link that
// has expired while the video was paused is asked for again, and playing resumes where it was.
import { api, ApiError } from '/assets/api.js';
import { el, replace } from '/assets/dom.js';

/** The short-lived link to this parent's rendition of `item`: `{url}` from the service (audited there). */
export async function videoLink(item) {
  const query = `childId=${encodeURIComponent(item.childId)}&purpose=${encodeURIComponent(item.purpose)}`;
  const answer = await api(`/api/parent/media/${encodeURIComponent(item.mediaId)}/video/link?${query}`, { method: 'POST' });
  if (!answer || typeof answer.url !== 'string' || !answer.url.startsWith('/')) {
    // Only a link on this site: an address elsewhere would be refused by the page's policy anyway.
    throw new ApiError(502, 'The video could not be opened. Try again in a moment.', null);
  }

  return answer.url;
}

/**
 * Puts the play button over the poster in `frame` (whose poster <img> is already shown). `label` names the video for
 * a screen reader ("Video of Ava, Monday 7 December…"); `onGone()` when the service says it is no longer theirs.
 */
export function offerPlay(frame, item, label, { onGone, onSignedOut }) {
  const poster = frame.querySelector('img');
  const message = el('p', { class: 'frame-text video-problem', role: 'alert', hidden: true });
  const button = el('button', { type: 'button', class: 'play', 'aria-label': `Play: ${label}` },
    el('span', { class: 'play-icon', 'aria-hidden': 'true' }, '▶'), el('span', { class: 'play-text' }, 'Play video'));
  button.addEventListener('click', async () => {
    button.disabled = true;
    message.hidden = true;
    try {
      const url = await videoLink(item);
      play(frame, item, url, poster?.src ?? '', label);
    } catch (e) {
      button.disabled = false;
      if (e instanceof ApiError && e.status === 404) {
        onGone();
        return;
      }

      if (e instanceof ApiError && e.status === 401) {
        onSignedOut();
        return;
      }

      message.textContent = e instanceof ApiError ? e.message : 'The video could not be opened.';
      message.hidden = false;
    }
  });
  frame.classList.add('video');
  frame.append(button, message);
}

function play(frame, item, url, posterUrl, label) {
  const video = el('video', { class: 'photo', controls: true, playsinline: true, preload: 'metadata', 'aria-label': label });
  video.poster = posterUrl;
  video.src = url;
  let renewed = false;
  video.addEventListener('error', async () => {
    // An expired link (the page was left paused for a while): ask once for a fresh one and carry on from there.
    if (renewed) {
      replace(frame, el('p', { class: 'frame-text' }, 'The video could not be played. Check for new photos and try again.'));
      return;
    }

    renewed = true;
    const at = video.currentTime;
    try {
      video.src = await videoLink(item);
      video.currentTime = at;
      await video.play();
    } catch {
      replace(frame, el('p', { class: 'frame-text' }, 'The video could not be played. Check for new photos and try again.'));
    }
  });
  video.addEventListener('playing', () => { renewed = false; });
  replace(frame, video);
  frame.classList.remove('video');
  video.play().catch(() => {
    // Autoplay refused (sound on a phone): the controls are there and the parent presses play.
  });
  video.focus();
}
