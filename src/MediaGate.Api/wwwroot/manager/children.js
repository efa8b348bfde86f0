// Children (issue 13, a newcomer's day): add a child with a room (POST /api/manager/children), see the rooms and who is
// in each, and record the day a child leaves (POST .../children/{id}/left; retention deletes their photos after the
// grace period, and from that day they cannot be tagged or listed at an event). A room is the name children share:
// typing a new one adds it.
import { api } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say, whileWorking } from '/assets/dom.js';
import { hasLeft, messageOf, startPage, today } from './nav.js';

startPage(async (content) => {
  replace(content, addForm(),
    el('section', { 'aria-labelledby': 'rooms-title' }, el('h2', { id: 'rooms-title' }, 'Rooms and children'),
      el('p', { class: 'message ok', id: 'children-status', role: 'status', hidden: true }),
      el('div', { id: 'children' })));
  await showList();
});

function addForm() {
  const name = el('input', { id: 'child-name', required: true, maxlength: 200, autocomplete: 'off' });
  const room = el('input', { id: 'child-room', maxlength: 100, autocomplete: 'off', list: 'rooms' });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const form = el('form', { class: 'panel', 'aria-labelledby': 'add-title' },
    el('h2', { id: 'add-title' }, 'Add a child'),
    field('Full name', name),
    field('Room', room),
    el('datalist', { id: 'rooms' }),
    el('p', { class: 'hint', id: 'room-hint' }, 'Choose a room or type a new one to add it.'),
    error, status,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Add child')));
  room.setAttribute('aria-describedby', 'room-hint');
  onSubmit(form, async () => {
    say(error, '');
    say(status, '');
    const body = { name: name.value.trim(), room: room.value.trim() || null };
    try {
      await api('/api/manager/children', { method: 'POST', json: body });
      say(status, `Added ${body.name}${body.room ? ` to ${body.room}` : ''}. Record their consents on the Consents page.`);
      form.reset();
      await showList();
      name.focus();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  return form;
}

async function showList() {
  const children = await api('/api/manager/children');
  const rooms = [...new Set(children.map((c) => c.room ?? ''))].sort((a, b) => a.localeCompare(b));
  replace(byId('rooms'), rooms.filter(Boolean).map((room) => el('option', { value: room })));
  const list = byId('children');
  if (children.length === 0) {
    replace(list, el('p', {}, 'No children yet: add the first one above.'));
    return;
  }

  replace(list, rooms.map((room) => {
    const inRoom = children.filter((c) => (c.room ?? '') === room).sort((a, b) => a.name.localeCompare(b.name));
    const title = room || 'No room';
    const here = inRoom.filter((c) => !hasLeft(c)).length;
    return el('section', { class: 'room', 'aria-label': title },
      el('h3', {}, `${title} (${here} ${here === 1 ? 'child' : 'children'})`),
      el('div', { class: 'table-scroll' }, el('table', {},
        el('thead', {}, el('tr', {}, ['Name', 'Leaving', 'Action'].map((t) => el('th', { scope: 'col' }, t)))),
        el('tbody', {}, inRoom.map(row)))));
  }));
}

function row(child) {
  const action = el('td', {});
  const tr = el('tr', { dataset: { child: child.id } },
    el('th', { scope: 'row' }, child.name),
    el('td', {}, !child.leftOn ? 'Attending' : hasLeft(child) ? `Left on ${child.leftOn}` : `Leaves on ${child.leftOn}`),
    action);
  showAction(action, child);
  return tr;
}

function showAction(cell, child) {
  if (child.leftOn) {
    const undo = el('button', { type: 'button' }, 'Clear leaving day', el('span', { class: 'visually-hidden' }, ` of ${child.name}`));
    undo.addEventListener('click', () => whileWorking(undo, () => setLeft(cell, child, null)));
    replace(cell, undo);
    return;
  }

  const leaving = el('button', { type: 'button' }, 'Record leaving', el('span', { class: 'visually-hidden' }, ` of ${child.name}`));
  leaving.addEventListener('click', () => {
    const day = el('input', { id: `left-${child.id}`, type: 'date', required: true, value: today() });
    const cancel = el('button', { type: 'button' }, 'Cancel');
    cancel.addEventListener('click', () => showAction(cell, child));
    const error = el('span', { role: 'alert', class: 'block' });
    const form = el('form', {}, field(`Day ${child.name} leaves`, day), error,
      el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Save'), cancel));
    onSubmit(form, () => setLeft(cell, child, day.value, error));
    replace(cell, form);
    day.focus();
  });
  replace(cell, leaving);
}

async function setLeft(cell, child, leftOn, error = null) {
  try {
    await api(`/api/manager/children/${encodeURIComponent(child.id)}/left`, { method: 'POST', json: { leftOn } });
    await showList();
    say(byId('children-status'), leftOn ? `${child.name} leaves on ${leftOn}.` : `${child.name} is attending again.`);
  } catch (e) {
    if (error) {
      error.textContent = messageOf(e);
    } else {
      replace(cell, el('span', { role: 'alert' }, messageOf(e)));
    }
  }
}
