/* Tarot Milk Tea service worker, build {{ version }}.
 *
 * Install: precache the app shell, the offline page, the whole card guide and the card art
 * into one cache named after the build; activate deletes every older build's cache.
 * Fetch: static files cache-first; guide pages stale-while-revalidate; everything else
 * (readings, archive, My page, sign-in, POSTs, htmx partials) goes to the network only,
 * and a page that cannot be reached shows the offline page.
 *
 * Stored pages are always fetched without cookies, so a cache never holds anyone's
 * signed-in page; responses marked private or no-store are never stored.
 */
"use strict";

const VERSION = {{ version|tojson }};
const CACHE_PREFIX = "tarot-";
const CACHE_NAME = CACHE_PREFIX + VERSION;
const PRECACHE_URLS = {{ precache|tojson }};
const OFFLINE_URL = {{ offline_url|tojson }};
const PERSONAL_PATHS = {{ personal_paths|list|tojson }};
const NETWORK_TIMEOUT_MS = 4000;

// Whether this browser is signed in, learned from the pages passing through ("unknown" after
// the worker starts). Signed-in visitors get guide pages from the network so their own
// header shows; the cached copies are the signed-out pages.
let visitor = "unknown";

function anonymous(url) {
  return new Request(url, { credentials: "omit", cache: "no-cache" });
}

function isPersonal(path) {
  return PERSONAL_PATHS.some((prefix) => path === prefix || path.startsWith(prefix + "/"));
}

function isGuide(path) {
  return path === "/guide" || path.startsWith("/guide/");
}

function storable(response) {
  const control = response.headers.get("Cache-Control") || "";
  return response.ok && response.type === "basic" && !/private|no-store/i.test(control);
}

function noteVisitor(response) {
  if (!response.ok || response.type !== "basic" || !response.url) return;
  if (isPersonal(new URL(response.url).pathname)) return;
  if (!(response.headers.get("Content-Type") || "").startsWith("text/html")) return;
  const control = response.headers.get("Cache-Control") || "";
  visitor = /private/i.test(control) ? "member" : "guest";
}

function withTimeout(promise, ms) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("network timeout")), ms);
    promise.then(
      (value) => { clearTimeout(timer); resolve(value); },
      (error) => { clearTimeout(timer); reject(error); },
    );
  });
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE_NAME).then((cache) => cache.addAll(PRECACHE_URLS.map(anonymous))),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    await Promise.all(
      names
        .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
        .map((name) => caches.delete(name)),
    );
    await self.clients.claim();
  })());
});

// The page's "새로고침" button: the waiting worker takes over, the page reloads.
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    event.respondWith(fromNetwork(request, request.mode === "navigate"));
    return;
  }
  if (url.pathname.startsWith("/static/")) {
    event.respondWith(staticFile(event, request));
    return;
  }
  // Whole pages: navigations, boosted (htmx) links and htmx's back-button history restores.
  const wholePage = request.mode === "navigate"
    || request.headers.get("HX-Boosted") === "true"
    || request.headers.get("HX-History-Restore-Request") === "true";
  // Partials, JSON, the manifest: the network alone, without the worker in the way.
  if (!wholePage) return;
  if (isGuide(url.pathname)) {
    event.respondWith(guidePage(event, request));
  } else {
    event.respondWith(fromNetwork(request, true));
  }
});

// A fresh copy without the stored URL, so a boosted (htmx) request keeps the address it asked for.
async function offlinePage() {
  const cache = await caches.open(CACHE_NAME);
  const stored = await cache.match(OFFLINE_URL);
  if (!stored) return Response.error();
  return new Response(stored.body, { status: stored.status, headers: stored.headers });
}

// Network only; a whole page that cannot be reached becomes the offline page, anything else
// (an htmx POST, say) fails as a network error the page can report.
async function fromNetwork(request, wholePage) {
  try {
    const response = await fetch(request);
    noteVisitor(response);
    return response;
  } catch (error) {
    return wholePage ? offlinePage() : Response.error();
  }
}

async function staticFile(event, request) {
  const cache = await caches.open(CACHE_NAME);
  const cached = await cache.match(request);
  if (cached) return cached;
  try {
    const response = await fetch(request);
    if (storable(response)) event.waitUntil(cache.put(request, response.clone()));
    return response;
  } catch (error) {
    // Offline, and this exact version is not stored: any stored version of the file will do.
    return (await cache.match(request, { ignoreSearch: true })) || Response.error();
  }
}

async function refreshGuide(cache, url) {
  try {
    const response = await fetch(anonymous(url));
    if (storable(response)) await cache.put(url, response);
  } catch (error) {
    // Offline: the stored copy stays.
  }
}

async function guidePage(event, request) {
  const cache = await caches.open(CACHE_NAME);
  // Keyed by URL alone: boosted (HX) and plain requests share the full page.
  const cached = await cache.match(request.url, { ignoreVary: true });
  if (cached && visitor === "guest") {
    event.waitUntil(refreshGuide(cache, request.url));
    return cached;
  }
  if (!cached) event.waitUntil(refreshGuide(cache, request.url));
  try {
    const network = fetch(request);
    const response = await (cached ? withTimeout(network, NETWORK_TIMEOUT_MS) : network);
    noteVisitor(response);
    return response;
  } catch (error) {
    return cached || offlinePage();
  }
}
