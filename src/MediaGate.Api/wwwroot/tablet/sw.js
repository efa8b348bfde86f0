// The tablet page's service worker: makes it installable and lets it open without Wi-Fi by keeping the page's
// own files (the app shell) in a cache. Network first, so an updated page is used as soon as it can be fetched;
// the cache only when the network fails. API calls and images are never cached or touched: they go straight to
// the network (a family's photo must not stay in a cache), and photos waiting to upload live in IndexedDB (queue.js).
// A page is kept under its address without the fragment: a set-up link (/tablet/#device=…&secret=…, assets/setup-link.js)
// is fetched through this worker with its fragment in the request's URL, and the secret must not be kept in the cache.
// (v9: activating it deletes v8, whose keys may hold such a link; v10 adds kept-lists.js; v11 assets/lockout.js.)
const cacheName = 'mediagate-tablet-shell-v11';
const shell = [
  '/tablet/',
  '/tablet/app.js',
  '/tablet/capture-time.js',
  '/tablet/clips.js',
  '/tablet/device.js',
  '/tablet/faces.js',
  '/tablet/kept-lists.js',
  '/tablet/note-preview.js',
  '/tablet/queue.js',
  '/tablet/status.js',
  '/tablet/tracks.js',
  '/tablet/uploader.js',
  '/tablet/tablet.css',
  '/tablet/manifest.webmanifest',
  '/assets/api.js',
  '/assets/dom.js',
  '/assets/lockout.js',
  '/assets/setup-link.js',
  '/assets/base.css',
  '/assets/icon.svg',
];

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(cacheName).then((cache) => cache.addAll(shell)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((names) => Promise.all(names.filter((name) => name !== cacheName).map((name) => caches.delete(name))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  url.hash = '';
  const isShell = event.request.method === 'GET' && url.origin === self.location.origin && shell.includes(url.pathname);
  if (!isShell) {
    return;
  }

  event.respondWith(fetch(event.request)
    .then((response) => {
      if (response.ok) {
        const copy = response.clone();
        event.waitUntil(caches.open(cacheName).then((cache) => cache.put(url.href, copy)));
      }

      return response;
    })
    .catch(() => caches.match(event.request, { ignoreSearch: true }).then((cached) => cached ?? Response.error())));
});
