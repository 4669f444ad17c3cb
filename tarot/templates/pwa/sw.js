/* Tarot Milk Tea service worker, build {{ version }}.
 *
 * Install: precache the app shell, the offline page, the whole card guide and the card art
 * into one cache named after the build; activate deletes every older build's cache.
 * Fetch: static files cache-first; guide pages stale-while-revalidate; everything else
 * (readings, archive, My page, sign-in, POSTs, htmx partials) goes to the network only,
 * and a page that cannot be reached shows the offline page.
 *
 * Stored pages are always fetched without cookies, so a cache never holds anyone's
 * signed-in page; responses marked private or no-store are never stored. The one exception
 * is a visitor's own card of the day, below.
 *
 * Stored pages are kept per language (the key adds "hl=<language>"), and a page is only
 * served from the cache in the visitor's language: the language noted from the pages that
 * pass through (Content-Language) and from the language switch (/lang/<code>), remembered
 * across restarts of the worker. Pages are fetched for the cache in that language by
 * sending it as Accept-Language.
 *
 * The card of the day (/daily): a visitor's drawn card is kept, fetched with the visitor's
 * own cookies, per language, and served offline only until the day's end in Seoul, which the
 * page states (X-Daily-Until). Whatever else /daily answers (a card not drawn yet, a
 * signed-in page) removes the stored copy, and so does any signed-in page passing through:
 * a signed-in person's card, note and history are never stored.
 */
"use strict";

const VERSION = {{ version|tojson }};
const CACHE_PREFIX = "tarot-";
const CACHE_NAME = CACHE_PREFIX + VERSION;
const PRECACHE_URLS = {{ precache|tojson }};
const OFFLINE_URL = {{ offline_url|tojson }};
const PERSONAL_PATHS = {{ personal_paths|list|tojson }};
const LANGUAGES = {{ languages|list|tojson }};
const LANGUAGE_KEY = "/sw-state/language";
const DAILY_URL = {{ daily_url|tojson }};
const DAILY_UNTIL = "X-Daily-Until";
const NETWORK_TIMEOUT_MS = 4000;

// Whether this browser is signed in, learned from the pages passing through ("unknown" after
// the worker starts). Signed-in visitors get guide pages from the network so their own
// header shows; the cached copies are the signed-out pages.
let visitor = "unknown";
// The visitor's language ("unknown" until a page or the stored note says).
let language = "unknown";

function anonymous(url, lang) {
  const headers = lang ? { "Accept-Language": lang } : {};
  return new Request(url, { credentials: "omit", cache: "no-cache", headers });
}

function isPage(url) {
  return !url.startsWith("/static/");
}

function pageKey(url, lang) {
  const key = new URL(url, self.location.origin);
  key.searchParams.set("hl", lang);
  return key.href;
}

async function currentLanguage(cache) {
  if (language === "unknown") {
    const note = await cache.match(LANGUAGE_KEY);
    if (note && language === "unknown") language = await note.text();
  }
  return language;
}

// A new language: remember it, and store the guide and the offline page in it too.
function noteLanguage(lang, event) {
  if (!LANGUAGES.includes(lang) || lang === language) return;
  language = lang;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE_NAME);
    await cache.put(LANGUAGE_KEY, new Response(lang));
    if (await storedDaily(cache, LANGUAGES)) await refreshDaily();
    if (await cache.match(pageKey(OFFLINE_URL, lang))) return;
    await Promise.all(PRECACHE_URLS.filter(isPage).map((url) => storePage(cache, url, lang).catch(() => {})));
  })());
}

// Fetch a page without cookies (in ``lang``, else in the browser's language) and store it
// under the language it came in.
async function storePage(cache, url, lang) {
  const response = await fetch(anonymous(url, lang));
  if (!storable(response)) throw new Error("not storable: " + url);
  const served = response.headers.get("Content-Language") || LANGUAGES[0];
  await cache.put(pageKey(url, served), response);
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

function isHtml(response) {
  return (response.headers.get("Content-Type") || "").startsWith("text/html");
}

function noteVisitor(response, event) {
  if (!response.ok || response.type !== "basic" || !response.url) return;
  if (!isHtml(response)) return;
  noteLanguage(response.headers.get("Content-Language"), event);
  const path = new URL(response.url).pathname;
  // A visitor's /daily and its draw are private too (their own card): they tell nothing
  // about signing in.
  if (isPersonal(path) || path === DAILY_URL || path.startsWith(DAILY_URL + "/")) return;
  const control = response.headers.get("Cache-Control") || "";
  visitor = /private/i.test(control) ? "member" : "guest";
  if (visitor === "member") event.waitUntil(forgetDaily());
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
    caches.open(CACHE_NAME).then((cache) => Promise.all([
      cache.addAll(PRECACHE_URLS.filter((url) => !isPage(url)).map((url) => anonymous(url))),
      ...PRECACHE_URLS.filter(isPage).map((url) => storePage(cache, url)),
    ])),
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
// A page tells its language (pwa.js).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "SKIP_WAITING") self.skipWaiting();
  if (event.data && event.data.type === "LANGUAGE") noteLanguage(event.data.lang, event);
  // A visitor's card page was shown (daily.js): keep today's copy for offline use.
  if (event.data && event.data.type === "DAILY") event.waitUntil(refreshDaily());
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.method !== "GET") {
    event.respondWith(fromNetwork(event, request.mode === "navigate"));
    return;
  }
  const chosen = url.pathname.match(/^\/lang\/([\w-]+)$/);
  if (chosen) noteLanguage(chosen[1], event);
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
  if (url.pathname === DAILY_URL) {
    event.respondWith(dailyPage(event, request));
  } else if (isGuide(url.pathname)) {
    event.respondWith(guidePage(event, request));
  } else {
    event.respondWith(fromNetwork(event, true));
  }
});

// A fresh copy without the stored URL, so a boosted (htmx) request keeps the address it asked for.
function fresh(stored) {
  return new Response(stored.body, { status: stored.status, headers: stored.headers });
}

async function offlinePage() {
  const cache = await caches.open(CACHE_NAME);
  // In the visitor's language; when that is unknown or missing, in any stored one.
  const lang = await currentLanguage(cache);
  const keys = [lang, ...LANGUAGES].filter((l) => LANGUAGES.includes(l)).map((l) => pageKey(OFFLINE_URL, l));
  let stored;
  for (const key of keys) {
    stored = stored || await cache.match(key);
  }
  if (!stored) return Response.error();
  return fresh(stored);
}

// Network only; a whole page that cannot be reached becomes the offline page, anything else
// (an htmx POST, say) fails as a network error the page can report.
async function fromNetwork(event, wholePage) {
  try {
    const response = await fetch(event.request);
    noteVisitor(response, event);
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

async function refreshGuide(cache, url, lang) {
  try {
    await storePage(cache, url, lang);
  } catch (error) {
    // Offline or not storable: the stored copy stays.
  }
}

async function guidePage(event, request) {
  const cache = await caches.open(CACHE_NAME);
  const lang = await currentLanguage(cache);
  // Keyed by URL and language: boosted (HX) and plain requests share the full page.
  const cached = lang === "unknown" ? undefined
    : await cache.match(pageKey(request.url, lang), { ignoreVary: true });
  if (cached && visitor === "guest") {
    event.waitUntil(refreshGuide(cache, request.url, lang));
    return cached;
  }
  if (!cached && lang !== "unknown") event.waitUntil(refreshGuide(cache, request.url, lang));
  try {
    const network = fetch(request);
    const response = await (cached ? withTimeout(network, NETWORK_TIMEOUT_MS) : network);
    noteVisitor(response, event);
    return response;
  } catch (error) {
    return cached || offlinePage();
  }
}

// ---- The card of the day --------------------------------------------------------------

// The time a visitor's card page may be shown until (ms), or 0 when it is not one.
function dailyUntil(response) {
  const until = Number(response.headers.get(DAILY_UNTIL));
  return response.ok && response.type === "basic" && isHtml(response) && until > Date.now() ? until : 0;
}

async function forgetDaily() {
  const cache = await caches.open(CACHE_NAME);
  await Promise.all(LANGUAGES.map((lang) => cache.delete(pageKey(DAILY_URL, lang))));
}

// What /daily answered decides: a visitor's drawn card is kept under the language it came
// in, anything else removes the stored copies.
async function noteDaily(response) {
  if (!dailyUntil(response)) return forgetDaily();
  const cache = await caches.open(CACHE_NAME);
  const lang = response.headers.get("Content-Language") || LANGUAGES[0];
  await cache.put(pageKey(DAILY_URL, lang), response);
}

// Fetch /daily with this browser's cookies (the visitor's card is in one) and note it.
async function refreshDaily() {
  try {
    const response = await fetch(new Request(DAILY_URL, { credentials: "same-origin", cache: "no-store" }));
    if (response.ok) await noteDaily(response);
  } catch (error) {
    // Offline: what is stored stays until its day ends.
  }
}

// The stored card page in one of ``langs`` whose day has not ended; an ended one is removed.
async function storedDaily(cache, langs) {
  for (const lang of langs) {
    const stored = await cache.match(pageKey(DAILY_URL, lang));
    if (!stored) continue;
    if (Number(stored.headers.get(DAILY_UNTIL)) > Date.now()) return stored;
    await cache.delete(pageKey(DAILY_URL, lang));
  }
  return undefined;
}

// Network first (as the card may have been drawn elsewhere); offline, the visitor's stored
// card of today in their language, else the offline page.
async function dailyPage(event, request) {
  const cache = await caches.open(CACHE_NAME);
  const lang = await currentLanguage(cache);
  const stored = visitor === "member" ? undefined
    : await storedDaily(cache, LANGUAGES.includes(lang) ? [lang] : LANGUAGES);
  try {
    const network = fetch(request);
    const response = await (stored ? withTimeout(network, NETWORK_TIMEOUT_MS) : network);
    noteVisitor(response, event);
    if (response.ok && isHtml(response)) event.waitUntil(noteDaily(response.clone()));
    return response;
  } catch (error) {
    return stored ? fresh(stored) : offlinePage();
  }
}
