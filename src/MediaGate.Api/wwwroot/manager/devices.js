// Devices (issue 8 §3; api.md POST/GET/DELETE /api/manager/devices): register a room's tablet (its secret is
// shown once and never again: only its hash is kept), list them, and revoke one (its tablet sessions are refused
// from the next request). With the secret the page shows the tablet's set-up link (assets/setup-link.js) as a QR
// code for the tablet's camera and as text with a copy button, so nobody types two long codes on a tablet.
// Revoking asks once more in the row, not in a browser dialog.
import { api } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say } from '/assets/dom.js';
import { messageOf, startPage } from './nav.js';
import { qrCode } from './qr-code.js';
import { showRevocable } from './revocable.js';
import { setupLink } from '/assets/setup-link.js';

startPage(async (content) => {
  const name = el('input', { id: 'device-name', required: true, maxlength: 100, autocomplete: 'off' });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const form = el('form', { class: 'panel', 'aria-labelledby': 'register-title' },
    el('h2', { id: 'register-title' }, 'Register a tablet'),
    field('Tablet name (e.g. Robins room)', name),
    error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Register')),
    el('div', { id: 'secret' }));
  onSubmit(form, async () => {
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
  const link = setupLink(location.origin, device.deviceId, device.deviceSecret);
  const linkBox = el('input', { id: 'setup-link', readonly: true, value: link, class: 'secret' });
  const secret = el('input', { id: 'device-secret', readonly: true, value: device.deviceSecret, class: 'secret' });
  const id = el('input', { id: 'device-id', readonly: true, value: device.deviceId, class: 'secret' });
  const copied = el('p', { class: 'hint', role: 'status' });
  replace(byId('secret'), el('div', { class: 'message info' },
    el('h3', {}, `${name} is registered`),
    el('p', {}, 'Set up the tablet now: this code, the link and the secret are shown only this once.'),
    el('figure', { class: 'setup-qr' },
      qrCode(link, `QR code of the set-up link for ${name}`),
      el('figcaption', { id: 'setup-qr-caption' }, "Open the camera on the room's tablet and point it at this code, then open the link it finds.")),
    field('Set-up link (to open on the tablet)', linkBox),
    el('div', { class: 'actions' }, copyButton('Copy the link', link, linkBox, copied)),
    el('p', {}, 'Or type the device id and secret into the tablet page\'s "Set up this tablet" form:'),
    field('Device id', id),
    field('Device secret', secret),
    el('div', { class: 'actions' }, copyButton('Copy the secret', device.deviceSecret, secret, copied)),
    copied));
  linkBox.focus();
}

/** A button that copies `text`; when the browser refuses, `box` is selected for copying with the keyboard. */
function copyButton(label, text, box, copied) {
  const button = el('button', { type: 'button' }, label);
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
      copied.textContent = 'Copied.';
    } catch {
      box.select();
      copied.textContent = 'Copying was refused: the text is selected, copy it with the keyboard.';
    }
  });
  return button;
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
