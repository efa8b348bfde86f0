// How each tagged child's family will read the note, shown while the practitioner types (POST /api/tablet/notes/preview).
// A family's copy never names a child that family may not see: the service replaces such names with "a friend". Only
// the copies that differ from what was typed are listed, so an ordinary note shows nothing. Offline, nothing is shown
// (the upload still works: the service redacts every family's copy whatever the tablet showed).
import { api } from '/assets/api.js';
import { byId, el, replace } from '/assets/dom.js';

const pause = 400;
let timer = null;
let asked = 0;

export function wireNotePreview() {
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, pause);
  };
  byId('note').addEventListener('input', later);
  byId('children-list').addEventListener('change', later);
}

export function clearNotePreview() {
  asked += 1;
  const region = byId('note-preview');
  replace(region);
  region.hidden = true;
}

async function refresh() {
  const note = byId('note').value.trim();
  const children = [...document.querySelectorAll('#children-list input:checked')].map((box) => box.value);
  if (!note || children.length === 0) {
    clearNotePreview();
    return;
  }

  asked += 1;
  const mine = asked;
  let readings;
  try {
    readings = await api('/api/tablet/notes/preview', { method: 'POST', json: { note, children } });
  } catch {
    if (mine === asked) {
      clearNotePreview();
    }

    return;
  }

  if (mine !== asked) {
    return; // a newer note or tick is on its way
  }

  const changed = readings.filter((reading) => reading.note !== note);
  if (changed.length === 0) {
    clearNotePreview();
    return;
  }

  const region = byId('note-preview');
  replace(region,
    el('p', {}, 'Some families will read this note with a name left out:'),
    el('ul', {}, changed.map((reading) => el('li', {}, el('strong', {}, `${reading.name}'s family: `), reading.note))));
  region.hidden = false;
}
