// The dashboard (issue 8 §3; README GET /api/manager/dashboard?days=14): today's counts, what is held and
// blocked now, the average time to release, the hold reasons, the consents due for review, and a chart of the
// per-day series drawn by uPlot (served by MediaGate under /vendor/, never a CDN). The chart is a picture; the same
// numbers are in the table after it, which is what a screen reader reads.
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { api } from '/assets/api.js';
import { el, replace } from '/assets/dom.js';
import { startPage } from './nav.js';

const days = 14;

// Line colours with 3:1 or more against white (WCAG 2.2 1.4.11), told apart by dash pattern as well as colour.
const series = [
  { key: 'uploaded', label: 'Uploaded', stroke: '#0b5cad', dash: [] },
  { key: 'released', label: 'Released', stroke: '#1d6b35', dash: [8, 4] },
  { key: 'held', label: 'Held', stroke: '#8a6d00', dash: [2, 3] },
  { key: 'blocked', label: 'Blocked', stroke: '#a61b1b', dash: [10, 3, 2, 3] },
];

const purposeText = { journal: 'Journal', website: 'Website', publicity: 'Publicity', events: 'Events' };

startPage(async (content) => {
  const board = await api(`/api/manager/dashboard?days=${days}`);
  const chart = el('div', { id: 'chart', class: 'chart', role: 'img', 'aria-label': `Line chart of photos uploaded, released, held and blocked per day over the last ${days} days. The numbers are in the table below.` });
  replace(content,
    el('section', { 'aria-labelledby': 'today-title' },
      el('h2', { id: 'today-title' }, 'Today'),
      el('dl', { class: 'tiles' },
        tile('Uploaded', board.today.uploaded),
        tile('Released', board.today.released),
        tile('Held', board.today.held),
        tile('Blocked', board.today.blocked),
        tile('Failed', board.today.failed),
        tile('Held now (all days)', board.heldNow),
        tile('Blocked now (all days)', board.blockedNow),
        tile('Average time to release', board.averageMinutesToRelease === null ? 'No releases yet' : minutes(board.averageMinutesToRelease))),
      requeueButton()),
    el('section', { 'aria-labelledby': 'days-title' },
      el('h2', { id: 'days-title' }, `The last ${days} days`),
      el('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map((s) => el('li', { class: `legend-${s.key}` }, s.label))),
      chart,
      perDayTable(board.perDay)),
    el('div', { class: 'grid two' },
      el('section', { 'aria-labelledby': 'reasons-title' },
        el('h2', { id: 'reasons-title' }, 'Why photos are held'),
        board.holdReasons.length === 0 ? el('p', {}, 'Nothing is held.') : el('table', {},
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Reason'), el('th', { scope: 'col', class: 'number' }, 'Photos'))),
          el('tbody', {}, board.holdReasons.map((r) => el('tr', { dataset: { reason: r.reason } }, el('td', {}, reasonSentence(r)), el('td', { class: 'number' }, String(r.count))))))),
      el('section', { 'aria-labelledby': 'due-title' },
        el('h2', { id: 'due-title' }, 'Consents due for review'),
        board.consentsDueForReview.length === 0 ? el('p', {}, 'None due.') : el('table', {},
          el('thead', {}, el('tr', {}, ['Child', 'Purpose', 'Review by'].map((t) => el('th', { scope: 'col' }, t)))),
          el('tbody', {}, board.consentsDueForReview.map((c) => el('tr', {},
            el('td', {}, el('a', { href: 'consents.html' }, c.childName)), el('td', {}, purposeText[c.purpose] ?? c.purpose), el('td', {}, c.reviewOn))))))));
  drawChart(chart, board.perDay);
});

/**
 * A hold reason as a sentence (issue 12 §2): the service's `sentence`, or, from a service that sends only the code
 * (e.g. `FaceUncertain`), the code's words ("Face uncertain.") rather than the code.
 */
function reasonSentence(reason) {
  if (reason.sentence) {
    return reason.sentence;
  }

  const words = String(reason.reason).replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}.`;
}

// Issue 13: photos that failed (their file, or a fault nobody expected) can be tried again once the cause is fixed.
function requeueButton() {
  const status = el('p', { role: 'status' });
  const button = el('button', { type: 'button' }, 'Try failed photos again');
  button.addEventListener('click', async () => {
    button.disabled = true;
    try {
      const result = await api('/api/manager/media/requeue', { method: 'POST' });
      status.textContent = result.count === 0 ? 'No failed photos to try again.' : `${result.count} failed photo(s) put back in the queue.`;
    } catch (error) {
      status.textContent = error.message;
    } finally {
      button.disabled = false;
    }
  });
  return el('div', { class: 'requeue' }, button, status);
}

function tile(label, value) {
  return el('div', { class: 'tile' }, el('dt', {}, label), el('dd', {}, String(value)));
}

function minutes(value) {
  const total = Math.round(value);
  return total < 60 ? `${total} min` : `${Math.floor(total / 60)} h ${total % 60} min`;
}

function perDayTable(perDay) {
  return el('table', { class: 'per-day' },
    el('caption', {}, 'Photos per day'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Day'), series.map((s) => el('th', { scope: 'col', class: 'number' }, s.label)))),
    el('tbody', {}, perDay.map((d) => el('tr', {}, el('th', { scope: 'row' }, d.date), series.map((s) => el('td', { class: 'number' }, String(d[s.key])))))));
}

function drawChart(container, perDay) {
  const labels = perDay.map((d) => d.date.slice(5));
  const data = [perDay.map((_, i) => i), ...series.map((s) => perDay.map((d) => d[s.key]))];
  const size = () => ({ width: Math.max(280, container.clientWidth), height: 260 });
  const plot = new uPlot({
    ...size(),
    legend: { show: false },
    cursor: { show: false },
    scales: { x: { time: false } },
    axes: [
      { values: (_, splits) => splits.map((i) => labels[i] ?? ''), stroke: '#1b1f24' },
      // Counts of photos: whole-number steps only.
      { stroke: '#1b1f24', incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000], values: (_, splits) => splits.map(String) },
    ],
    series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.stroke, dash: s.dash, width: 2 }))],
  }, data, container);
  window.addEventListener('resize', () => plot.setSize(size()));
}
