// What the manager issues and can revoke (a tablet, a website key): one table of them and one revoke that asks once
// more in the row, not in a browser dialog. The pages say what each thing is, its URL and what revoking does.
import { api } from '/assets/api.js';
import { el, replace, when, whileWorking } from '/assets/dom.js';
import { messageOf } from './nav.js';

/**
 * Lists `items` into `list` ({name, createdAt, revokedAt} each) as a table, with a Revoke button for each one in use.
 * @param {object} spec {createdHeading, activeText, empty, dataset(item), revokeUrl(item), consequence, reload}
 */
export function showRevocable(list, items, spec) {
  if (items.length === 0) {
    replace(list, el('p', {}, spec.empty));
    return;
  }

  replace(list, el('table', {},
    el('thead', {}, el('tr', {}, ['Name', spec.createdHeading, 'State', 'Action'].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, items.map((item) => row(item, spec)))));
}

function row(item, spec) {
  const action = el('td', {});
  const tr = el('tr', { dataset: spec.dataset(item) },
    el('th', { scope: 'row' }, item.name),
    el('td', {}, when(item.createdAt)),
    el('td', {}, item.revokedAt ? `Revoked ${when(item.revokedAt)}` : spec.activeText),
    action);
  if (!item.revokedAt) {
    askToRevoke(action, item, spec);
  }

  return tr;
}

function askToRevoke(cell, item, spec) {
  const revoke = el('button', { type: 'button', class: 'danger' }, 'Revoke', el('span', { class: 'visually-hidden' }, ` ${item.name}`));
  revoke.addEventListener('click', () => {
    const yes = el('button', { type: 'button', class: 'danger' }, 'Yes, revoke');
    const no = el('button', { type: 'button' }, 'Keep');
    const error = el('span', { role: 'alert' });
    yes.addEventListener('click', () => whileWorking(yes, async () => {
      try {
        await api(spec.revokeUrl(item), { method: 'DELETE' });
        await spec.reload();
      } catch (e) {
        error.textContent = messageOf(e);
      }
    }, { others: [no] }));
    no.addEventListener('click', () => askToRevoke(cell, item, spec));
    replace(cell, el('span', { class: 'block' }, `Revoke ${item.name}? ${spec.consequence}`), el('span', { class: 'actions' }, yes, no), error);
    yes.focus();
  });
  replace(cell, revoke);
}
