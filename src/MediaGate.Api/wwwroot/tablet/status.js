// What the tablet says about an item and its faces, in plain words (issue 12 §2): who has the photo, or who it is
// waiting for. Shared by the recent uploads list (app.js) and the face panel (faces.js).

/** A faint detection: masked, never holds, needs no answer (api.md `faint`; older services only say `uncertain`). */
export function isFaint(face) {
  return face.faint === true || (face.faint === undefined && face.uncertain === true);
}

/** The certain faces nobody has answered for yet: the ones a person is asked about. */
export function unanswered(item) {
  return (item.faces ?? []).filter((face) => !isFaint(face) && (face.kind ?? 'unassigned') === 'unassigned');
}

/** A video item (api.md: `kind` is `photo` or `video`; a service without `kind` sends photos only). */
export function isVideo(item) {
  return item.kind === 'video';
}

/**
 * True when the practitioner should be asked about this item now: processed, and a certain face is unanswered. A
 * video's faces are tracks, each named from its own clearest frame, so it needs no size for boxes.
 */
export function needsAnswer(item) {
  return (isVideo(item) || Boolean(item.width && item.height)) && !['processing', 'failed', 'released', 'blocked'].includes(item.status)
    && unanswered(item).length > 0;
}

/**
 * A decided item that a consent change sent back to be checked (README GET /api/tablet/observations `recheck`): it may
 * have been released and is now waiting again, which staff would otherwise take for a fault. Staff may know why (the
 * families are not told).
 */
export function sentBack(item) {
  return item.recheck === 'again' && ['held', 'needs-assignment'].includes(item.status);
}

/** "Ava's family", "Ava's and Ben's families", "Ava's, Ben's and Cara's families". */
export function families(names) {
  const owned = names.map((name) => `${name}'s`);
  if (owned.length === 1) {
    return `${owned[0]} family`;
  }

  return `${owned.slice(0, -1).join(', ')} and ${owned[owned.length - 1]} families`;
}

/**
 * `[sentence, tone]` for an item: tone is ok, warn or danger (the badge's colour). `taggedNames` are the names of the
 * observation's tagged children. The service's own `summary` (a plain sentence) is used when it sends one.
 */
export function itemStatus(item, taggedNames) {
  const detail = item.summary || item.detail || item.statusDetail || null;
  const thing = isVideo(item) ? 'video' : 'photo';
  const count = unanswered(item).length;
  if (sentBack(item)) {
    return [`Being checked again after a consent change: ${item.status === 'needs-assignment' && count > 0
      ? sayWho(count)
      : 'waiting for the manager.'}`, 'warn'];
  }

  switch (item.status) {
    case 'processing':
      return [isVideo(item) ? 'Being checked: a video takes about as long as it plays, or longer.' : 'Being checked: the faces appear here in a few seconds.', 'warn'];
    case 'released':
      return [item.summary || (taggedNames.length ? `Released to ${families(taggedNames)}.` : 'Released.'), 'ok'];
    case 'needs-assignment':
      return [`Waiting for you: ${count > 0 ? sayWho(count) : detail ?? `say who is in the ${thing}.`}`, 'warn'];
    case 'held':
      return [item.summary || `Waiting for the manager: ${sentence(detail) ?? `the manager will check this ${thing}.`}`, 'warn'];
    case 'blocked':
      return [item.summary || `Blocked: ${sentence(detail) ?? 'it will not be shared.'}`, 'danger'];
    case 'failed':
      return [`Could not be processed: ${sentence(detail) ?? `please take the ${thing} again.`}`, 'danger'];
    default:
      return [detail ?? item.status, 'warn'];
  }
}

/** "say who the highlighted face is.", "say who the 2 highlighted faces are." */
function sayWho(count) {
  return `say who ${count === 1 ? 'the highlighted face is' : `the ${count} highlighted faces are`}.`;
}

function sentence(text) {
  if (!text) {
    return null;
  }

  // The service's words as they are (they may start with a child's name), ended as a sentence.
  const trimmed = text.trim();
  return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}
