// When a photo was taken (issue 13: "taken" was the file's modification time, so copied photos all showed the copy
// time). The tablet reads the capture time the photo carries before it is sent (the service strips every tag):
// EXIF DateTimeOriginal (0x9003) of a JPEG, with OffsetTimeOriginal (0x9011) when present, else the tablet's zone.
// A time in the future or older than the oldest child of a nursery could be is a wrong camera clock: not used.

const headBytes = 256 * 1024;
const oldestYears = 6;
const skewMs = 5 * 60_000;

/**
 * The capture time of an observation (ISO): the earliest valid one its photos carry, else `uploadedAt` (when staff
 * pressed Upload). `now` is for tests.
 */
export async function captureTime(files, uploadedAt = new Date(), now = new Date()) {
  const times = [];
  for (const file of files) {
    const taken = await exifTaken(file);
    if (taken && isPlausible(taken, now)) {
      times.push(taken.getTime());
    }
  }

  return new Date(times.length ? Math.min(...times) : uploadedAt.getTime()).toISOString();
}

function isPlausible(date, now) {
  const oldest = new Date(now);
  oldest.setFullYear(oldest.getFullYear() - oldestYears);
  return date.getTime() <= now.getTime() + skewMs && date >= oldest;
}

/** DateTimeOriginal of a JPEG's EXIF as a Date, or null (not a JPEG, no EXIF, no such tag, or not a valid time). */
async function exifTaken(file) {
  let view;
  try {
    view = new DataView(await file.slice(0, headBytes).arrayBuffer());
  } catch {
    return null;
  }

  if (view.byteLength < 4 || view.getUint16(0) !== 0xffd8) {
    return null;
  }

  // Walk the markers before the first scan; APP1 "Exif\0\0" holds a TIFF structure.
  let at = 2;
  while (at + 4 <= view.byteLength && view.getUint8(at) === 0xff) {
    const marker = view.getUint8(at + 1);
    if (marker === 0xda || marker === 0xd9) {
      return null;
    }

    const length = view.getUint16(at + 2);
    if (marker === 0xe1 && at + 10 <= view.byteLength && text(view, at + 4, 4) === 'Exif' && view.getUint16(at + 8) === 0) {
      return fromTiff(view, at + 10, Math.min(view.byteLength, at + 2 + length));
    }

    at += 2 + length;
  }

  return null;
}

function fromTiff(view, start, end) {
  const order = text(view, start, 2);
  if (order !== 'II' && order !== 'MM') {
    return null;
  }

  const little = order === 'II';
  const u16 = (offset) => (offset + 2 <= end ? view.getUint16(offset, little) : null);
  const u32 = (offset) => (offset + 4 <= end ? view.getUint32(offset, little) : null);
  // One IFD's ASCII or LONG entries by tag: value offsets are from the TIFF header.
  const entries = (ifd) => {
    const found = new Map();
    const count = u16(start + ifd);
    for (let i = 0; count !== null && i < count; i++) {
      const entry = start + ifd + 2 + i * 12;
      const tag = u16(entry);
      const type = u16(entry + 2);
      const n = u32(entry + 4);
      if (tag === null || type === null || n === null) {
        break;
      }

      if (type === 4) {
        found.set(tag, u32(entry + 8));
      } else if (type === 2) {
        const offset = n <= 4 ? entry + 8 : start + (u32(entry + 8) ?? end);
        found.set(tag, offset + n <= end ? text(view, offset, n).replace(/\0+$/, '') : null);
      }
    }

    return found;
  };

  const exifPointer = entries(u32(start + 4) ?? end).get(0x8769);
  if (!exifPointer) {
    return null;
  }

  const exif = entries(exifPointer);
  return parseExifTime(exif.get(0x9003), exif.get(0x9011));
}

/** "YYYY:MM:DD HH:MM:SS" (and "+HH:MM" or null) as a Date, or null when it is not a real time. */
function parseExifTime(value, offset) {
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value ?? '');
  if (!match) {
    return null;
  }

  const [year, month, day, hour, minute, second] = match.slice(1).map(Number);
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) {
    return null;
  }

  const date = /^[+-]\d{2}:\d{2}$/.test(offset ?? '')
    ? new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}${offset}`)
    : new Date(year, month - 1, day, hour, minute, second);
  // 31 February and the like roll over into another month: refused.
  const local = /^[+-]/.test(offset ?? '') ? null : date;
  if (local && (local.getMonth() !== month - 1 || local.getDate() !== day)) {
    return null;
  }

  return Number.isNaN(date.getTime()) ? null : date;
}

function text(view, offset, length) {
  let result = '';
  for (let i = 0; i < length && offset + i < view.byteLength; i++) {
    result += String.fromCharCode(view.getUint8(offset + i));
  }

  return result;
}
