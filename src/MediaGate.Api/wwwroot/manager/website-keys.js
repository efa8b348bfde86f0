// Website keys (issue 13, a newcomer's day): the nursery website pulls approved photos with a key (X-Api-Key). Create
// one (POST /api/manager/website-keys: the key is shown this once, only its hash is kept), list them (GET) and revoke
// one (DELETE .../website-keys/{name}: the website is refused from its next request).
import { api } from '/assets/api.js';
import { byId, el, field, onSubmit, replace, say } from '/assets/dom.js';
import { messageOf, startPage } from './nav.js';
import { showRevocable } from './revocable.js';

startPage(async (content) => {
  const name = el('input', { id: 'key-name', required: true, maxlength: 100, autocomplete: 'off', autocapitalize: 'none', spellcheck: 'false' });
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const form = el('form', { class: 'panel', 'aria-labelledby': 'create-title' },
    el('h2', { id: 'create-title' }, 'Create a website key'),
    field('Key name (e.g. main-site)', name),
    el('p', { class: 'hint', id: 'key-name-hint' }, 'Letters, digits or . _ - @. The website sends the key as X-Api-Key to /api/website/photos.'),
    error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Create key')),
    el('div', { id: 'new-key' }));
  name.setAttribute('aria-describedby', 'key-name-hint');
  onSubmit(form, async () => {
    say(error, '');
    try {
      const created = await api('/api/manager/website-keys', { method: 'POST', json: { name: name.value.trim() } });
      showKey(created);
      name.value = '';
      await showList();
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  replace(content, form,
    el('section', { 'aria-labelledby': 'keys-title' }, el('h2', { id: 'keys-title' }, 'Keys'), el('div', { id: 'keys', class: 'table-scroll' })));
  await showList();
});

function showKey(created) {
  const key = el('input', { id: 'website-key', readonly: true, value: created.key, class: 'secret' });
  const copied = el('p', { class: 'hint', role: 'status' });
  const copy = el('button', { type: 'button' }, 'Copy the key');
  copy.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(created.key);
      copied.textContent = 'Copied.';
    } catch {
      key.select();
      copied.textContent = 'Copying was refused: the key is selected, copy it with the keyboard.';
    }
  });
  replace(byId('new-key'), el('div', { class: 'message info' },
    el('h3', {}, `The key ${created.name} is ready`),
    el('p', {}, 'Put it in the website\'s settings now. It is shown only this once.'),
    field('Website key', key),
    el('div', { class: 'actions' }, copy),
    copied));
  key.focus();
}

async function showList() {
  showRevocable(byId('keys'), await api('/api/manager/website-keys'), {
    createdHeading: 'Created',
    activeText: 'In use',
    empty: 'No website keys yet.',
    dataset: (key) => ({ key: key.name }),
    revokeUrl: (key) => `/api/manager/website-keys/${encodeURIComponent(key.name)}`,
    consequence: 'The website stops receiving photos at once.',
    reload: showList,
  });
}
