// Video clips on the tablet (issue 14, "The pages"): what a clip may be before it is queued, and whether the queue has
// room for it. A clip waits in IndexedDB like a photo (queue.js), so a clip of a few hundred MB must fit in what the
// browser lets this page keep: each clip is refused above the service's own size limit (Video:Limits:MaxBytes,
// 500 MB by default: a larger one would be refused after a long upload), and the whole upload is refused when the
// browser's storage estimate leaves less than the upload plus a margin, so a queued clip is never half-written.

const megabyte = 1024 * 1024;

/** Where the service's limits are kept, so a tablet that starts offline checks against the figures it last read. */
const limitsKey = 'mediagate.tablet.limits';

/**
 * The largest clip, in bytes: the service's Video:Limits:MaxBytes as GET /api/tablet/limits last said (500 MB, the
 * service's default, until the page has read it once).
 */
export let clipLimitBytes = 500 * megabyte;

/** The longest clip, in seconds: the service's Video:Limits:MaxDurationSeconds (180 s, its default, until read). */
export let clipLimitSeconds = 180;

/**
 * The largest photo, in bytes: the service's Ingest:Limits:MaxBytes as GET /api/tablet/limits last said (64 MB, the
 * service's default, until the page has read it, or when a service too old to say it answers).
 */
export let photoLimitBytes = 64 * megabyte;

/**
 * Takes the service's limits (`{videoMaxBytes, videoMaxSeconds, photoMaxBytes}`) and keeps them for the next start;
 * bad figures are ignored.
 */
export function useLimits(limits) {
  const bytes = Number(limits?.videoMaxBytes);
  const seconds = Number(limits?.videoMaxSeconds);
  if (!(bytes > 0) || !(seconds > 0)) {
    return;
  }

  clipLimitBytes = bytes;
  clipLimitSeconds = seconds;
  const photoBytes = Number(limits?.photoMaxBytes);
  photoLimitBytes = photoBytes > 0 ? photoBytes : 64 * megabyte;
  try {
    localStorage.setItem(limitsKey, JSON.stringify({ videoMaxBytes: bytes, videoMaxSeconds: seconds, photoMaxBytes: photoLimitBytes }));
  } catch {
    // No room to keep them: the next start uses the defaults until it reads the service again.
  }
}

/** The limits kept from the last time the service was read, if any. */
export function useKeptLimits() {
  try {
    useLimits(JSON.parse(localStorage.getItem(limitsKey) ?? 'null'));
  } catch {
    // A damaged entry: the defaults stand until the service is read.
  }
}

/** How long the page waits for a clip's metadata before it lets the service decide. */
const metadataWaitMs = 10_000;

/** Kept free beyond the upload, for the queue's own records and the page's files. */
export const marginBytes = 32 * megabyte;

/** A video file, by its type or (a picker may give no type) its name: MP4 or MOV are what tablets record. */
export function isClip(file) {
  return (file.type ?? '').startsWith('video/') || /\.(mp4|m4v|mov|qt)$/i.test(file.name ?? '');
}

/** "48 MB", "1.2 GB": sizes as staff read them. */
export function sizeText(bytes) {
  if (bytes >= 1024 * megabyte) {
    return `${(bytes / (1024 * megabyte)).toFixed(1)} GB`;
  }

  return bytes >= megabyte ? `${Math.max(1, Math.round(bytes / megabyte))} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;
}

/** The reason a single clip cannot be queued, or null when it can. */
export function clipProblem(file) {
  if (file.size > clipLimitBytes) {
    return `${file.name || 'This video'} is ${sizeText(file.size)}: MediaGate takes videos up to ${sizeText(clipLimitBytes)}. Record a shorter clip.`;
  }

  return null;
}

/** The reason a single photo cannot be chosen (larger than the service takes), or null when it can. */
export function photoProblem(file) {
  if (file.size > photoLimitBytes) {
    return `This photo${file.name ? ` (${file.name})` : ''} is ${sizeText(file.size)}; the most MediaGate takes is ${sizeText(photoLimitBytes)}.`;
  }

  return null;
}

/**
 * What staff read when the service refused an upload as too large (413: a file over its limit, or photos over the
 * request's limit together): the limits in MB, not the service's byte counts.
 */
export function tooLargeText() {
  return `it is too large. MediaGate takes photos up to ${sizeText(photoLimitBytes)} and videos up to ${sizeText(clipLimitBytes)}; `
    + 'many large photos may need to go in smaller groups. Discard this upload and choose again.';
}

/** "3 minutes", "1 minute 30 seconds", "45 seconds": durations as staff read them. */
export function durationText(seconds) {
  const whole = Math.round(seconds);
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  const part = (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`;
  if (minutes === 0) {
    return part(rest, 'second');
  }

  return rest === 0 ? part(minutes, 'minute') : `${part(minutes, 'minute')} ${part(rest, 'second')}`;
}

/**
 * A clip's duration in seconds, read from its metadata only (a <video> element on an object URL, preload "metadata":
 * nothing of the picture is decoded), or null when this browser cannot read it (a codec it lacks, a damaged file).
 */
export function clipSeconds(file) {
  return new Promise((resolve) => {
    const url = URL.createObjectURL(file);
    const video = document.createElement('video');
    let settled = false;
    const done = (seconds) => {
      if (settled) {
        return;
      }

      settled = true;
      clearTimeout(timer);
      video.removeAttribute('src');
      video.load();
      URL.revokeObjectURL(url);
      resolve(seconds);
    };
    const timer = setTimeout(() => done(null), metadataWaitMs);
    video.preload = 'metadata';
    video.muted = true;
    video.addEventListener('loadedmetadata', () => done(Number.isFinite(video.duration) && video.duration > 0 ? video.duration : null));
    video.addEventListener('error', () => done(null));
    video.src = url;
  });
}

/**
 * What the page says of a clip's length before it is chosen: `problem` when it is over the limit (it is not queued),
 * `note` when its length cannot be read here (it is queued, and the service decides), neither when it is within the limit.
 */
export async function durationCheck(file) {
  const seconds = await clipSeconds(file);
  const name = file.name || 'This video';
  if (seconds === null) {
    return { problem: null, note: `The length of ${name} could not be read on this tablet; MediaGate checks it when it arrives.` };
  }

  if (seconds > clipLimitSeconds) {
    return {
      problem: `${name} lasts ${durationText(seconds)}: MediaGate takes videos up to ${durationText(clipLimitSeconds)}. Record a shorter clip.`,
      note: null,
    };
  }

  return { problem: null, note: null };
}

/** Free space the browser still gives this page, in bytes, or null when it does not say. */
export async function freeBytes() {
  if (!navigator.storage?.estimate) {
    return null;
  }

  try {
    const { quota, usage } = await navigator.storage.estimate();
    return Number.isFinite(quota) && Number.isFinite(usage) ? Math.max(0, quota - usage) : null;
  } catch {
    return null;
  }
}

/**
 * The reason `files` cannot be queued now (a clip over the limit, or not enough room on the tablet), or null.
 * Photos count towards the room too: they wait in the same queue.
 */
export async function roomProblem(files) {
  for (const file of files.filter(isClip)) {
    const problem = clipProblem(file);
    if (problem) {
      return problem;
    }
  }

  if (!files.some(isClip)) {
    return null;
  }

  const needed = files.reduce((sum, file) => sum + file.size, 0);
  const free = await freeBytes();
  if (free !== null && needed + marginBytes > free) {
    return `This upload is ${sizeText(needed)}, but the tablet has room for only ${sizeText(Math.max(0, free - marginBytes))} more `
      + 'while uploads wait. Upload what is waiting first (connect to the Wi-Fi), or record a shorter clip.';
  }

  return null;
}

/** Asks the browser to keep the queue even when storage runs low (granted for an installed app; harmless if not). */
export async function keepQueue() {
  try {
    await navigator.storage?.persist?.();
  } catch {
    // Not granted: the queue is still kept as long as the browser has room, as it is for photos.
  }
}

/** The limits in a sentence for the page: the clip limit, and the room left now when the browser says. */
export async function limitText() {
  const free = await freeBytes();
  const room = free === null ? '' : ` This tablet can keep about ${sizeText(Math.max(0, free - marginBytes))} more while uploads wait.`;
  return `Videos up to ${sizeText(clipLimitBytes)} and ${durationText(clipLimitSeconds)} (MP4 or MOV).${room}`;
}
