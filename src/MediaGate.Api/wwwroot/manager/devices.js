// Devices (issue 8 §3; api.md POST/GET/DELETE /api/manager/devices): register a room's tablet (its secret is
// shown once, with a copy button, and never again: only its hash is kept), list them, and revoke one (its tablet
// sessions are refused from the next request). Revoking asks once more in the row, not in a browser dialog.
import { api } from '/assets/api.js';
import { byId, el, field, replace, say } from '/assets/dom.js';
import { messageOf, startPage } from './nav.js';
import { showRevocable } from './revocable.js';

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
  showRevocable(byId('devices'), await api('/api/manager/devices'), {
    createdHeading: 'Registered',
    activeText: 'Active',
    empty: 'No tablets registered yet.',
    dataset: (device) => ({ device: device.deviceId }),
    revokeUrl: (device) => `/api/manager/devices/${encodeURIComponent(device.deviceId)}`,
    consequence: 'Its tablet stops working at once.',
    reload: showList,
  });
}
