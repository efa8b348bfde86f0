// Events (issue 13, a newcomer's day): record an event with the children who attend (POST /api/manager/events), list
// them (GET), and correct the attendees until a photo names the event (PUT .../events/{id}/attendees; 409 after, as its
// photos went to the families listed then). Children who have left are not offered, and the service refuses them.
// Staff pick today's events on the tablet.
import { api } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say } from '/assets/dom.js';
import { childLabel, childrenById, hasLeft, messageOf, startPage, today } from './nav.js';

let children = new Map();

startPage(async (content) => {
  children = await childrenById();
  replace(content, createForm(),
    el('section', { 'aria-labelledby': 'events-title' }, el('h2', { id: 'events-title' }, 'Events'),
      el('p', { class: 'message ok', id: 'events-status', role: 'status', hidden: true }),
      el('div', { id: 'events', class: 'table-scroll' })));
  await showList();
});

/** Check boxes for the children still attending, ticked for `chosen`; ids prefixed by `prefix`. */
function attendeeBoxes(prefix, chosen = []) {
  const here = [...children.values()].filter((c) => !hasLeft(c))
    .sort((a, b) => (a.room ?? '').localeCompare(b.room ?? '') || a.name.localeCompare(b.name));
  if (here.length === 0) {
    return el('p', {}, 'No children yet: add them on the Children page.');
  }

  return el('div', { class: 'choices' }, here.map((child) => {
    const box = el('input', { type: 'checkbox', id: `${prefix}-${child.id}`, value: child.id, checked: chosen.includes(child.id) });
    return el('label', { class: 'choice', for: box.id }, box, childLabel(child));
  }));
}

function ticked(container) {
  return [...container.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
}

function createForm() {
  const name = el('input', { id: 'event-name', required: true, maxlength: 200, autocomplete: 'off' });
  const date = el('input', { id: 'event-date', type: 'date', required: true, value: today() });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const attendees = el('fieldset', {}, el('legend', {}, 'Children attending'), attendeeBoxes('new-attendee'));
  const form = el('form', { class: 'panel', 'aria-labelledby': 'create-title' },
    el('h2', { id: 'create-title' }, 'Record an event'),
    field('Event name (e.g. Summer fair)', name), field('Date', date), attendees,
    error, status,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Record event')));
  onSubmit(form, async () => {
    say(error, '');
    say(status, '');
    const body = { name: name.value.trim(), date: date.value, attendees: ticked(attendees) };
    if (body.attendees.length === 0) {
      say(error, 'Tick at least one child who attends.');
      return;
    }

    try {
      await api('/api/manager/events', { method: 'POST', json: body });
      say(status, `Recorded ${body.name} on ${body.date} with ${body.attendees.length} ${body.attendees.length === 1 ? 'child' : 'children'}.`);
      form.reset();
      date.value = today();
      await showList();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  return form;
}

async function showList() {
  const events = await api('/api/manager/events');
  const list = byId('events');
  if (events.length === 0) {
    replace(list, el('p', {}, 'No events yet.'));
    return;
  }

  replace(list, el('table', {},
    el('thead', {}, el('tr', {}, ['Event', 'Date', 'Children attending', 'Action'].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, events.map(row))));
}

function row(event) {
  const action = el('td', {});
  const tr = el('tr', { dataset: { event: event.id } },
    el('th', { scope: 'row' }, event.name),
    el('td', {}, event.date),
    el('td', {}, event.attendees.map((id) => children.get(id)?.name ?? 'a child no longer listed').join(', ')),
    action);
  showChange(action, event);
  return tr;
}

function showChange(cell, event) {
  const change = el('button', { type: 'button' }, 'Change attendees', el('span', { class: 'visually-hidden' }, ` of ${event.name}`));
  change.addEventListener('click', () => {
    const boxes = el('fieldset', {}, el('legend', {}, `Children attending ${event.name}`), attendeeBoxes(`attendee-${event.id}`, event.attendees));
    const error = el('p', { class: 'message error', role: 'alert', hidden: true });
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => showChange(cell, event));
    const form = el('form', {}, boxes, error,
      el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Save attendees'), cancel));
    onSubmit(form, async () => {
      say(error, '');
      try {
        await api(`/api/manager/events/${encodeURIComponent(event.id)}/attendees`, { method: 'PUT', json: { attendees: ticked(boxes) } });
        await showList();
        say(byId('events-status'), `The attendees of ${event.name} were saved.`);
      } catch (e) {
        say(error, messageOf(e));
      }
    });
    replace(cell, form);
    boxes.querySelector('input')?.focus();
  });
  replace(cell, change);
}
