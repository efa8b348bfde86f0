// The dashboard (issue 8 §3; README GET /api/manager/dashboard?days=14): today's counts, what is held, blocked and
// failed now (with "Try failed photos again" only while a failed item can be tried again), the average time to release, the hold reasons, the consents due for review, and a chart of the
// per-day series drawn by uPlot (served by MediaGate under /vendor/, never a CDN). The chart is a picture; the same
// numbers are in the table after it, which is what a screen reader reads.
import uPlot from '/vendor/uplot/uPlot.esm.js';
import { api } from '/assets/api.js';
import { el, replace, say } from '/assets/dom.js';
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
  const chart = el('div', { id: 'chart', class: 'chart', role: 'img', 'aria-label': `Line chart of photos and videos uploaded, released, held and blocked per day over the last ${days} days. The numbers are in the table below.` });
  // The tiles and the "try again" button are read again after a re-queue (the failed items are no longer failed).
  const tiles = el('dl', { class: 'tiles' });
  const requeue = requeueSection(async () => showNow(await api(`/api/manager/dashboard?days=${days}`)));
  function showNow(now) {
    replace(tiles, nowTiles(now));
    requeue.show(now.failedNow ?? 0, now.retryableNow ?? 0);
  }

  showNow(board);
  replace(content,
    el('section', { 'aria-labelledby': 'today-title' },
      el('h2', { id: 'today-title' }, 'Today'),
      tiles,
      requeue.element),
    el('section', { 'aria-labelledby': 'days-title' },
      el('h2', { id: 'days-title' }, `The last ${days} days`),
      el('ul', { class: 'legend', 'aria-hidden': 'true' }, series.map((s) => el('li', { class: `legend-${s.key}` }, s.label))),
      chart,
      perDayTable(board.perDay)),
    el('div', { class: 'grid two' },
      el('section', { 'aria-labelledby': 'reasons-title' },
        el('h2', { id: 'reasons-title' }, 'Why photos and videos are held'),
        board.holdReasons.length === 0 ? el('p', {}, 'Nothing is held.') : el('table', {},
          el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Reason'), el('th', { scope: 'col', class: 'number' }, 'Photos and videos'))),
          el('tbody', {}, board.holdReasons.map((r) => el('tr', { dataset: { reason: r.reason } }, el('td', {}, reasonSentence(r)), el('td', { class: 'number' }, String(r.count))))))),
      el('section', { 'aria-labelledby': 'due-title' },
        el('h2', { id: 'due-title' }, 'Consents due for review'),
        board.consentsDueForReview.length === 0 ? el('p', {}, 'None due.') : el('table', {},
          el('thead', {}, el('tr', {}, ['Child', 'Purpose', 'Review by'].map((t) => el('th', { scope: 'col' }, t)))),
          el('tbody', {}, board.consentsDueForReview.map((c) => el('tr', {},
            el('td', {}, el('a', { href: 'consents.html' }, c.childName)), el('td', {}, purposeText[c.purpose] ?? c.purpose), el('td', {}, c.reviewOn))))))));
  drawChart(chart, board.perDay);
});

/** Today's counts and what stands now (README GET /api/manager/dashboard: `failedNow` counts failed items of every day). */
function nowTiles(board) {
  return [
    tile('Uploaded', board.today.uploaded),
    tile('Released', board.today.released),
    tile('Held', board.today.held),
    tile('Blocked', board.today.blocked),
    tile('Failed', board.today.failed),
    tile('Held now (all days)', board.heldNow),
    tile('Blocked now (all days)', board.blockedNow),
    tile('Failed now (all days)', board.failedNow ?? 0),
    tile('Average time to release', board.averageMinutesToRelease === null ? 'No releases yet' : minutes(board.averageMinutesToRelease)),
  ];
}

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

/**
 * Issue 13: photos and videos that failed (their file, or a fault nobody expected) can be tried again once the cause is
 * fixed. The button is offered only while a failed item can be tried again (`retryableNow`: its original is kept for a
 * while after it fails, then deleted), with a sentence on what it does; failed items that can no longer be tried again
 * are said in a sentence, with no button (it stayed, and each press found nothing to do). After a re-queue `reload`
 * reads the numbers again, so the tile and the button follow. The status line stays in place (it is the live region
 * that says what happened); when the button goes, the focus moves to it.
 */
function requeueSection(reload) {
  const status = el('p', { role: 'status', tabindex: '-1' });
  const help = el('p', { id: 'requeue-help', class: 'hint' }, 'The failed photos and videos are processed again.');
  const gone = el('p', { class: 'hint requeue-gone' });
  const button = el('button', { type: 'button', 'aria-describedby': help.id }, 'Try failed photos again');
  const controls = el('div', { class: 'requeue-controls' });
  button.addEventListener('click', async () => {
    button.disabled = true;
    let message;
    try {
      const result = await api('/api/manager/media/requeue', { method: 'POST' });
      message = result.count === 0 ? 'No failed photos or videos to try again.'
        : `${result.count} failed ${result.count === 1 ? 'photo or video' : 'photos or videos'} put back in the queue.`;
      try {
        await reload();
      } catch (error) {
        message += ` The numbers above could not be read again: ${error.message}`;
      }
    } catch (error) {
      message = error.message;
    } finally {
      button.disabled = false;
    }

    status.textContent = message;
    if (!button.isConnected) {
      status.focus();
    }
  });
  return {
    element: el('div', { class: 'requeue' }, controls, gone, status),
    show(failedNow, retryableNow) {
      // Left as it is when it does not change, so that a focused button keeps the focus.
      if ((controls.childElementCount > 0) !== (retryableNow > 0)) {
        replace(controls, retryableNow > 0 ? [button, help] : []);
      }

      const lost = Math.max(0, failedNow - retryableNow);
      say(gone, lost === 0 ? '' : lost === 1
        ? '1 failed photo or video can no longer be tried again: its original is no longer kept.'
        : `${lost} failed photos or videos can no longer be tried again: their originals are no longer kept.`);
    },
  };
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
    el('caption', {}, 'Photos and videos per day'),
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
