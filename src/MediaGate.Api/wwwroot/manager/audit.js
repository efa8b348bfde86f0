// The audit log (issue 8 §3; api.md GET /api/manager/audit; README filters and audit.csv): filters by period
// (the reader's days), action (a prefix, e.g. "consent") and actor (an account), newest first unless asked otherwise
// (order=newest; after an hour of use today's decisions were six pages in when it opened on the oldest), pages of 50
// with "Newer" and "Older" (the cursor is the last sequence number shown: `before` newest first, `after` oldest
// first), and the CSV export of the same filters (the server makes it formula-injection safe). Each
// entry reads as who did it, by name, and what, in a sentence (the service's `who` and `what`); the raw fields the
// chain covers are one tap away.
import { api } from '/assets/api.js';
import { byId, el, field, replace, say, when } from '/assets/dom.js';
import { dayStart, download, messageOf, startPage } from './nav.js';

const pageSize = 50;
let usernames = new Map();
// The cursors of the pages read so far (null: the first page), the last one the page shown.
let cursors = [null];

startPage(async (content) => {
  const accounts = await api('/api/manager/accounts');
  usernames = new Map(accounts.map((a) => [a.id, a.username]));
  const from = el('input', { id: 'audit-from', type: 'date' });
  const to = el('input', { id: 'audit-to', type: 'date' });
  const action = el('input', { id: 'audit-action', type: 'search', maxlength: 100, autocomplete: 'off' });
  const actor = el('select', { id: 'audit-actor' }, el('option', { value: '' }, 'Anyone'),
    accounts.map((a) => el('option', { value: a.id }, `${a.username} (${a.role})`)));
  const order = el('select', { id: 'audit-order' },
    el('option', { value: 'newest' }, 'Newest first'), el('option', { value: 'oldest' }, 'Oldest first'));
  const error = el('p', { class: 'message error', role: 'alert', hidden: true });
  const exportButton = el('button', { type: 'button' }, 'Export CSV');
  const form = el('form', { class: 'panel filters', 'aria-labelledby': 'filters-title' },
    el('h2', { id: 'filters-title' }, 'Filters'),
    el('div', { class: 'grid two' }, el('div', {}, field('From (day)', from)), el('div', {}, field('To (day, included)', to)),
      el('div', {}, field('Action starts with (e.g. consent, child, sign-in)', action)), el('div', {}, field('Done by', actor)),
      el('div', {}, field('Order', order))),
    error,
    el('div', { class: 'actions' }, el('button', { type: 'submit', class: 'primary' }, 'Show'), exportButton));
  const filters = () => {
    const query = new URLSearchParams();
    if (from.value) query.set('from', dayStart(from.value));
    if (to.value) query.set('to', dayStart(to.value, 1));
    if (action.value.trim()) query.set('action', action.value.trim());
    if (actor.value) query.set('actor', actor.value);
    query.set('order', order.value);
    return query;
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    say(error, '');
    cursors = [null];
    await showPage(filters(), error);
  });
  exportButton.addEventListener('click', async () => {
    say(error, '');
    try {
      const query = filters();
      query.delete('order'); // the export is the chain's own order, oldest first
      const response = await api(`/api/manager/audit.csv?${query}`, { raw: true });
      download(await response.blob(), 'audit.csv');
    } catch (e) {
      say(error, messageOf(e));
    }
  });
  replace(content, form,
    el('section', { 'aria-labelledby': 'entries-title' }, el('h2', { id: 'entries-title' }, 'Entries'),
      el('div', { id: 'entries', class: 'table-scroll' }), el('nav', { id: 'pages', class: 'actions', 'aria-label': 'Audit pages' })));
  await showPage(filters(), error);
});

/** The entry as the chain holds it (action, subject, detail), folded away. */
function raw(entry) {
  return el('details', { class: 'raw' }, el('summary', {}, 'Recorded as'),
    el('code', { class: 'wrap block' }, [entry.action, entry.subject, entry.detail].filter(Boolean).join(' · ')));
}

async function showPage(filters, error) {
  const newestFirst = filters.get('order') === 'newest';
  const query = new URLSearchParams(filters);
  query.set('limit', String(pageSize));
  const cursor = cursors[cursors.length - 1];
  if (cursor !== null) {
    query.set(newestFirst ? 'before' : 'after', String(cursor));
  }

  let entries;
  try {
    entries = await api(`/api/manager/audit?${query}`);
  } catch (e) {
    say(error, messageOf(e));
    return;
  }

  replace(byId('entries'), entries.length === 0 ? el('p', {}, 'No entries.') : el('table', {},
    el('thead', {}, el('tr', {}, ['#', 'When', 'Who', 'What'].map((t) => el('th', { scope: 'col' }, t)))),
    el('tbody', {}, entries.map((entry) => el('tr', { dataset: { action: entry.action } },
      el('td', {}, String(entry.sequence)),
      el('td', {}, when(entry.at)),
      el('td', {}, entry.who ?? usernames.get(entry.actor) ?? entry.actor),
      el('td', { class: 'wrap' }, entry.what ?? entry.action, raw(entry)))))));

  // Back to the page before (newer ones when newest first) and on to the next (older ones when newest first).
  const back = el('button', { type: 'button', disabled: cursors.length === 1 }, newestFirst ? 'Newer' : 'Older');
  const on = el('button', { type: 'button', disabled: entries.length < pageSize }, newestFirst ? 'Older' : 'Newer');
  back.addEventListener('click', async () => {
    cursors.pop();
    await showPage(filters, error);
  });
  on.addEventListener('click', async () => {
    cursors.push(entries[entries.length - 1].sequence);
    await showPage(filters, error);
  });
  replace(byId('pages'), back, el('span', { class: 'page-number' }, `Page ${cursors.length}`), on);
}
