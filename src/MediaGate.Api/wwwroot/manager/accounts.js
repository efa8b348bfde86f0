// Accounts (issue 8 §3; api.md POST/GET /api/manager/accounts; README DELETE .../accounts/{id}, PUT
// .../password, .../pin, .../children): create staff (with a PIN for the tablet), parents (with the children they may see) and
// managers (with a password); list them; deactivate one (refused from its next request; the server keeps the
// last active manager, 409), reset a password or PIN, and change which children a parent may see.
import { api } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say, whileWorking } from '/assets/dom.js';
import { childrenById, messageOf, startPage } from './nav.js';

const roleText = { manager: 'Manager', staff: 'Staff (tablet PIN)', parent: 'Parent' };
let children = new Map();

startPage(async (content) => {
  children = await childrenById();
  replace(content, createForm(),
    el('section', { 'aria-labelledby': 'accounts-title' }, el('h2', { id: 'accounts-title' }, 'Accounts'),
      el('p', { class: 'message ok', id: 'accounts-status', role: 'status', hidden: true }),
      el('div', { id: 'accounts', class: 'table-scroll' })));
  await showList();
});

function createForm() {
  const username = el('input', { id: 'new-username', required: true, maxlength: 100, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
  // No role until one is chosen, and a parent or staff role stays chosen for the next account: a role that came back
  // to "Manager" after each account gave a hurried manager's next family every child unmasked.
  const role = el('select', { id: 'new-role', required: true },
    el('option', { value: '' }, 'Choose a role'),
    ['parent', 'staff', 'manager'].map((value) => el('option', { value }, roleText[value])));
  const managerNote = el('p', { class: 'hint', id: 'new-role-manager-note' },
    'A manager sees every photo unmasked, keeps the consents and can release photos. Only for the nursery\'s own managers.');
  const password = el('input', { id: 'new-password', type: 'password', autocomplete: 'new-password' });
  const pin = el('input', { id: 'new-pin', type: 'password', inputmode: 'numeric', autocomplete: 'off' });
  const passwordField = el('div', {}, field('Password', password));
  const pinField = el('div', {}, field('PIN (digits)', pin));
  const childBoxes = [...children.values()].sort((a, b) => a.name.localeCompare(b.name)).map((child) => {
    const box = el('input', { type: 'checkbox', id: `new-child-${child.id}`, value: child.id });
    return el('label', { class: 'choice', for: box.id }, box, child.room ? `${child.name} (${child.room})` : child.name);
  });
  const childrenField = el('fieldset', {}, el('legend', {}, 'Children this parent may see'),
    childBoxes.length ? el('div', { class: 'choices' }, childBoxes) : el('p', {}, 'No children yet.'));
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const status = el('p', { class: 'message ok', role: 'status', hidden: true });
  const showFields = () => {
    passwordField.hidden = role.value !== 'parent' && role.value !== 'manager';
    pinField.hidden = role.value !== 'staff';
    childrenField.hidden = role.value !== 'parent';
    managerNote.hidden = role.value !== 'manager';
  };
  role.addEventListener('change', showFields);
  showFields();

  const form = el('form', { class: 'panel', 'aria-labelledby': 'create-title' },
    el('h2', { id: 'create-title' }, 'Create an account'),
    field('Username', username), field('Role', role), managerNote, passwordField, pinField, childrenField,
    error, status,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Create account')));
  onSubmit(form, async () => {
    say(error, '');
    say(status, '');
    const body = { username: username.value.trim(), role: role.value, children: [] };
    if (role.value === 'staff') {
      body.pin = pin.value;
    } else {
      body.password = password.value;
    }

    if (role.value === 'parent') {
      body.children = [...form.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
    }

    try {
      await api('/api/manager/accounts', { method: 'POST', json: body });
      say(status, `Created ${body.username} (${roleText[body.role]}).`);
      form.reset();
      role.value = body.role === 'manager' ? '' : body.role;
      showFields();
      await showList();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  return form;
}

async function showList() {
  const accounts = await api('/api/manager/accounts');
  replace(byId('accounts'), el('table', {},
    el('thead', {}, el('tr', {}, ['Username', 'Role', 'Children', 'State', 'Actions'].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, accounts.map(row))));
}

function row(account) {
  const actions = el('td', {});
  const tr = el('tr', { dataset: { account: account.id } },
    el('th', { scope: 'row' }, account.username),
    el('td', {}, roleText[account.role] ?? account.role),
    el('td', {}, account.children.map((id) => children.get(id)?.name ?? 'unknown').join(', ')),
    el('td', {}, account.active ? 'Active' : 'Deactivated'),
    actions);
  if (account.active) {
    showActions(actions, account);
  }

  return tr;
}

function showActions(cell, account) {
  const secretName = account.role === 'staff' ? 'PIN' : 'password';
  const reset = el('button', { type: 'button' }, `Reset ${secretName}`, el('span', { class: 'visually-hidden' }, ` of ${account.username}`));
  const deactivate = el('button', { type: 'button', class: 'danger' }, 'Deactivate', el('span', { class: 'visually-hidden' }, ` ${account.username}`));
  reset.addEventListener('click', () => resetForm(cell, account, secretName));
  deactivate.addEventListener('click', () => confirmDeactivate(cell, account));
  let change = null;
  if (account.role === 'parent') {
    change = el('button', { type: 'button' }, 'Change children', el('span', { class: 'visually-hidden' }, ` of ${account.username}`));
    change.addEventListener('click', () => childrenForm(cell, account));
  }

  replace(cell, el('span', { class: 'actions' }, change, reset, deactivate));
}

// A parent's children (PUT .../accounts/{id}/children): the whole list is replaced and applies from the parent's next
// request. Children who have left stay ticked while linked (their family keeps their journal until it is deleted).
function childrenForm(cell, account) {
  const boxes = [...children.values()].map((child) => {
    const box = el('input', { type: 'checkbox', id: `children-${account.id}-${child.id}`, value: child.id, checked: account.children.includes(child.id) });
    return el('label', { class: 'choice', for: box.id }, box, child.name);
  });
  const error = el('span', { role: 'alert', class: 'block' });
  const cancel = el('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => showActions(cell, account));
  const form = el('form', {},
    el('fieldset', {}, el('legend', {}, `Children ${account.username} may see`),
      boxes.length ? el('div', { class: 'choices' }, boxes) : el('p', {}, 'No children yet.')),
    error,
    el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Save children'), cancel));
  onSubmit(form, async () => {
    const chosen = [...form.querySelectorAll('input[type=checkbox]:checked')].map((box) => box.value);
    try {
      await api(`/api/manager/accounts/${encodeURIComponent(account.id)}/children`, { method: 'PUT', json: { children: chosen } });
      await showList();
      say(byId('accounts-status'), `${account.username} may now see ${chosen.length === 0 ? 'no child' : chosen.map((id) => children.get(id)?.name ?? 'a child').join(', ')}.`);
    } catch (e) {
      error.textContent = messageOf(e);
    }
  });
  replace(cell, form);
  form.querySelector('input')?.focus();
}

function resetForm(cell, account, secretName) {
  const input = el('input', { id: `reset-${account.id}`, type: 'password', required: true, autocomplete: 'new-password' });
  const error = el('span', { role: 'alert', class: 'block' });
  const cancel = el('button', { type: 'button' }, 'Cancel');
  cancel.addEventListener('click', () => showActions(cell, account));
  const form = el('form', {}, field(`New ${secretName} for ${account.username}`, input), error,
    el('span', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Save'), cancel));
  onSubmit(form, async () => {
    try {
      const path = `/api/manager/accounts/${encodeURIComponent(account.id)}/${secretName === 'PIN' ? 'pin' : 'password'}`;
      await api(path, { method: 'PUT', json: secretName === 'PIN' ? { pin: input.value } : { password: input.value } });
      showActions(cell, account);
      say(byId('accounts-status'), `The ${secretName} of ${account.username} was changed.`);
    } catch (e) {
      error.textContent = messageOf(e);
    }
  });
  replace(cell, form);
  input.focus();
}

function confirmDeactivate(cell, account) {
  const yes = el('button', { type: 'button', class: 'danger' }, 'Yes, deactivate');
  const no = el('button', { type: 'button' }, 'Keep');
  const error = el('span', { role: 'alert', class: 'block' });
  yes.addEventListener('click', () => whileWorking(yes, async () => {
    try {
      await api(`/api/manager/accounts/${encodeURIComponent(account.id)}`, { method: 'DELETE' });
      await showList();
    } catch (e) {
      error.textContent = messageOf(e);
    }
  }, { others: [no] }));
  no.addEventListener('click', () => showActions(cell, account));
  replace(cell, el('span', { class: 'block' }, `Deactivate ${account.username}? They are signed out at once.`), el('span', { class: 'actions' }, yes, no), error);
  yes.focus();
}
