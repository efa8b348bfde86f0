// A video's faces on the tablet (issue 14: "the tablet shows each track's clearest frame to name it"). A track is one
// face through time (api.md: faceId, firstMs, lastMs, the box at its clearest frame); it is answered with the same
// one-tap buttons as a photo's face, beside that face cut from its clearest frame (GET .../faces/{faceId}/frame, the
// whole frame, only for the staff member who uploaded it, as the photo preview is; the page shows the part around the
// box), and the time it is seen.
import { imageUrl } from '/assets/api.js';
import { el } from '/assets/dom.js';

/** The clearest frame of one track (the master's size: the face's box is in its pixels). */
export function trackImagePath(item, face) {
  return `/api/tablet/media/${encodeURIComponent(item.mediaId)}/faces/${encodeURIComponent(face.faceId)}/frame`;
}

/** "0:07", "1:02:03": a time in the clip. */
export function clock(ms) {
  const total = Math.max(0, Math.floor((Number(ms) || 0) / 1000));
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  const two = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${two(m)}:${two(s)}` : `${m}:${two(s)}`;
}

/** "Seen from 0:02 to 0:07" (or "at 0:02" for a track of under a second). */
export function spanText(face) {
  const [first, last] = [clock(face.firstMs), clock(face.lastMs)];
  return first === last ? `Seen at ${first}` : `Seen from ${first} to ${last}`;
}

/**
 * Fetches each track's clearest frame: answers a Map faceId → object URL (revoke with `forgetTrackImages`). A frame
 * that cannot be fetched is left out; its track is still named by its time.
 */
export async function trackImages(item) {
  const urls = new Map();
  await Promise.all((item.faces ?? []).map(async (face) => {
    try {
      urls.set(face.faceId, await imageUrl(trackImagePath(item, face)));
    } catch {
      // Shown without a picture (the answer buttons still work): the panel stays usable.
    }
  }));
  return urls;
}

export function forgetTrackImages(urls) {
  for (const url of urls?.values() ?? []) {
    URL.revokeObjectURL(url);
  }

  urls?.clear();
}

/**
 * A track's face and time, put in its answer group: the frame scaled and moved inside a square window so that the
 * face's box, with room around it, fills the window (CSSOM, which the policy allows; percent, so any size works).
 */
export function trackFigure(item, face, number, url) {
  let picture = el('p', { class: 'hint' }, 'No picture of this face could be loaded.');
  if (url) {
    const image = el('img', { src: url, alt: `Face ${number} at its clearest frame` });
    if (item.width && item.height && face.w > 0 && face.h > 0) {
      const side = Math.min(Math.max(face.w, face.h) * 1.8, item.width, item.height);
      const left = Math.min(Math.max(face.x + (face.w / 2) - (side / 2), 0), item.width - side);
      const top = Math.min(Math.max(face.y + (face.h / 2) - (side / 2), 0), item.height - side);
      image.style.width = `${(item.width / side) * 100}%`;
      image.style.left = `${(-left / side) * 100}%`;
      image.style.top = `${(-top / side) * 100}%`;
    }

    picture = el('div', { class: 'track-window' }, image);
  }

  return el('figure', { class: 'track-frame' }, picture, el('figcaption', { class: 'hint track-span' }, spanText(face)));
}
