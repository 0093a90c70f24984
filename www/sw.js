// Service worker of the demo page: precaches the app and serves it cache-first,
// refreshing the cache in the background, so the page works offline after one visit.
const CACHE = 'scour-v1';
const ASSETS = ['./', 'index.html', 'scour.js', 'app.js', 'pkg/scour_engine.js', 'pkg/scour_engine_bg.wasm'];

self.addEventListener('install', e => {
  e.waitUntil(caches.open(CACHE).then(c => c.addAll(ASSETS)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', e => {
  e.waitUntil(caches.keys()
    .then(keys => Promise.all(keys.filter(k => k.startsWith('scour-') && k !== CACHE).map(k => caches.delete(k))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', e => {
  const req = e.request, url = new URL(req.url);
  if (req.method !== 'GET' || url.origin !== location.origin) return;
  url.search = ''; // ?q=… is state of the page, not another resource
  url.hash = '';
  const key = url.href;
  e.respondWith(caches.open(CACHE).then(async cache => {
    const cached = await cache.match(key);
    const update = fetch(req).then(res => {
      if (res.ok && res.type === 'basic') cache.put(key, res.clone());
      return res;
    });
    if (!cached) return update;
    e.waitUntil(update.catch(() => {}));
    return cached;
  }));
});
