// Text in the photo (issue 15; api.md GET /api/manager/media/{id}/text, POST .../text/{n}/unmask and /mask): once a
// photo is approved for the website or publicity its text is searched, and every region found is masked there. The
// card shows the regions as numbered boxes on the master, says how many are masked, and lets the manager show a region
// that names no child (the nursery's sign, a printed "EXIT") or mask it again; each answer is audited by the service.
import { api } from '/assets/api.js';
import { el, replace, say, whileWorking } from '/assets/dom.js';
import { errorBox, messageOf } from './nav.js';

const views = new WeakMap();

/** The card's "Text in the photo" section; empty and hidden until the photo has been searched for text. */
export function textSection(item) {
  const section = el('section', { class: 'text-regions', 'aria-label': 'Text in the photo', hidden: true });
  load(section, item, null);
  return section;
}

/** Draws the last loaded regions on the card's photo (called again when the photo itself is drawn). */
export function drawTextBoxes(card) {
  const view = card && views.get(card);
  const frame = card?.querySelector('.face-frame');
  if (!view || !frame) {
    return;
  }

  frame.querySelectorAll('.text-box').forEach((box) => box.remove());
  const { width, height } = view.size;
  if (!width || !height) {
    return;
  }

  for (const region of view.regions) {
    const box = el('div', { class: ['text-box', !region.masked && 'shown'], 'aria-hidden': 'true', dataset: { region: String(region.number) } },
      el('span', { class: 'text-number' }, `T${region.number}`));
    // CSSOM, not a style attribute (the content security policy refuses those): percent of the master's size.
    box.style.left = `${(region.x / width) * 100}%`;
    box.style.top = `${(region.y / height) * 100}%`;
    box.style.width = `${(region.w / width) * 100}%`;
    box.style.height = `${(region.h / height) * 100}%`;
    frame.append(box);
  }
}

async function load(section, item, message) {
  const id = item.mediaId;
  let view;
  try {
    view = await api(`/api/manager/media/${encodeURIComponent(id)}/text`);
  } catch (e) {
    section.hidden = false;
    replace(section, errorBox(e));
    return;
  }

  const card = section.closest('article');
  if (card) {
    views.set(card, { regions: view.regions, size: { width: item.width, height: item.height } });
    drawTextBoxes(card);
  }

  if (!view.scanned) {
    section.hidden = true;
    replace(section);
    return;
  }

  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  section.hidden = false;
  replace(section,
    el('h3', {}, 'Text in the photo'),
    el('p', { class: 'text-sentence' }, view.sentence ? `${view.sentence} on the website and in publicity.` : 'No text was found.'),
    view.regions.length > 0
      ? el('ul', { class: 'text-choices' }, view.regions.map((region) => el('li', {}, regionButton(region))))
      : null,
    status, error);
  if (message) {
    say(status, message);
  }

  function regionButton(region) {
    const action = region.masked ? 'unmask' : 'mask';
    const button = el('button', { type: 'button', dataset: { region: String(region.number), action } },
      region.masked ? `Show text T${region.number}: it names no child` : `Mask text T${region.number} again`);
    button.addEventListener('click', () => whileWorking(button, async () => {
      say(error, '');
      try {
        await api(`/api/manager/media/${encodeURIComponent(id)}/text/${region.number}/${action}`, { method: 'POST' });
        await load(section, item, action === 'unmask' ? `Text T${region.number} is shown on the website and in publicity.` : `Text T${region.number} is masked again.`);
      } catch (e) {
        say(error, messageOf(e));
      }
    }));
    return button;
  }
}
