// Devices (issue 8 §3; api.md POST/GET/DELETE /api/manager/devices): register a room's tablet (its secret is
// shown once, with a copy button, and never again: only its hash is kept), list them, and revoke one (its tablet
// sessions are refused from the next request). Revoking asks once more in the row, not in a browser dialog.
import { api } from '/assets/api.js';
import { byId, el, field, replace, say, when } from '/assets/dom.js';
import { messageOf, startPage } from './nav.js';

startPage(async (content) => {
  const name = el('input', { id: 'device-name', required: true, maxlength: 100, autocomplete: 'off' });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const form = el('form', { class: 'panel', 'aria-labelledby': 'register-title' },
    el('h2', { id: 'register-title' }, 'Register a tablet'),
    field('Tablet name (e.g. Robins room)', name),
    error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Register')),
    el('div', { id: 'secret' }));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    try {
      const device = await api('/api/manager/devices', { method: 'POST', json: { name: name.value.trim() } });
      showSecret(name.value.trim(), device);
      name.value = '';
      await showList();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  replace(content, form,
    el('section', { 'aria-labelledby': 'devices-title' }, el('h2', { id: 'devices-title' }, 'Tablets'), el('div', { id: 'devices', class: 'table-scroll' })));
  await showList();
});

function showSecret(name, device) {
  const secret = el('input', { id: 'device-secret', readonly: true, value: device.deviceSecret, class: 'secret' });
  const id = el('input', { id: 'device-id', readonly: true, value: device.deviceId, class: 'secret' });
  const copied = el('p', { class: 'hint', role: 'status' });
  const copy = el('button', { type: 'button' }, 'Copy the secret');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(device.deviceSecret);
      copied.textContent = 'Copied.';
    } catch {
      secret.select();
      copied.textContent = 'Copying was refused: the secret is selected, copy it with the keyboard.';
    }
  });
  replace(byId('secret'), el('div', { class: 'message info' },
    el('h3', {}, `${name} is registered`),
    el('p', {}, 'Enter the device id and secret on the tablet now. The secret is shown only this once.'),
    field('Device id', id),
    field('Device secret', secret),
    el('div', { class: 'actions' }, copy),
    copied));
  secret.focus();
}

async function showList() {
  const devices = await api('/api/manager/devices');
  const list = byId('devices');
  if (devices.length === 0) {
    replace(list, el('p', {}, 'No tablets registered yet.'));
    return;
  }

  replace(list, el('table', {},
    el('thead', {}, el('tr', {}, ['Name', 'Registered', 'State', 'Action'].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, devices.map(row))));
}

function row(device) {
  const action = el('td', {});
  const tr = el('tr', { dataset: { device: device.deviceId } },
    el('th', { scope: 'row' }, device.name),
    el('td', {}, when(device.createdAt)),
    el('td', {}, device.revokedAt ? `Revoked ${when(device.revokedAt)}` : 'Active'),
    action);
  if (!device.revokedAt) {
    askToRevoke(action, device);
  }

  return tr;
}

function askToRevoke(cell, device) {
  const revoke = el('button', { type: 'button', class: 'danger' }, 'Revoke', el('span', { class: 'visually-hidden' }, ` ${device.name}`));
  revoke.addEventListener('click', () => {
    const yes = el('button', { type: 'button', class: 'danger' }, 'Yes, revoke');
    const no = el('button', { type: 'button' }, 'Keep');
    const error = el('span', { role: 'alert' });
    yes.addEventListener('click', async () => {
      try {
        await api(`/api/manager/devices/${encodeURIComponent(device.deviceId)}`, { method: 'DELETE' });
        await showList();
      } catch (e) {
        error.textContent = messageOf(e);
      }
    });
    no.addEventListener('click', () => askToRevoke(cell, device));
    replace(cell, el('span', { class: 'block' }, `Revoke ${device.name}? Its tablet stops working at once.`), el('span', { class: 'actions' }, yes, no), error);
    yes.focus();
  });
  replace(cell, revoke);
}
