// Video clips on the tablet (issue 14, "The pages"): what a clip may be before it is queued, and whether the queue has
// room for it. A clip waits in IndexedDB like a photo (queue.js), so a clip of a few hundred MB must fit in what the
// browser lets this page keep: each clip is refused above the service's own size limit (Video:Limits:MaxBytes,
// 500 MB by default: a larger one would be refused after a long upload), and the whole upload is refused when the
// browser's storage estimate leaves less than the upload plus a margin, so a queued clip is never half-written.

const megabyte = 1024 * 1024;

/** The service's default Video:Limits:MaxBytes (README "Video"): one clip may be at most this large. */
export const clipLimitBytes = 500 * megabyte;

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
  return `Videos up to ${sizeText(clipLimitBytes)} and 3 minutes (MP4 or MOV).${room}`;
}
