// Nearby tarot shops: one page module, two map adapters (Leaflet, Kakao) with the same interface,
// and a list-only mode when no map could load. Shop text only ever reaches the page through
// textContent and attributes, never as HTML.
(function () {
  "use strict";

  var FALLBACK_ZOOM = 15;          // Leaflet zoom; Kakao level = 19 - zoom
  var SEARCH_DELAY = 350;          // ms after the map stops moving
  var LIST_ONLY_RADIUS = 2000;     // metres, when there is no map to measure
  var MAX_RADIUS = 20000;
  var LOCATE_TIMEOUT = 10000;
  var SDK_TIMEOUT = 12000;
  var active = null;

  // ---- adapters ---------------------------------------------------------------------------
  // Each adapter: center() {lat,lng}; radius() metres; setCenter(lat,lng); zoomIn(); zoomOut();
  // onIdle(fn); setShops(shops, onPick); select(index); setYou(lat,lng); pinFor(index); destroy().

  function leafletAdapter(el, start, hooks) {
    var L = window.L;
    var map = L.map(el, { zoomControl: false, keyboard: true, attributionControl: true });
    map.setView([start.lat, start.lng], FALLBACK_ZOOM);
    var tiles = L.tileLayer(el.dataset.tileUrl, {
      maxZoom: 19,
      attribution: el.dataset.tileAttribution
    }).addTo(map);
    var loaded = 0;
    var failed = 0;
    tiles.on("tileload", function () { loaded += 1; });
    tiles.on("tileerror", function () {
      failed += 1;
      if (!loaded && failed >= 4 && hooks.tilesFailed) {
        hooks.tilesFailed();
        hooks.tilesFailed = null;
      }
    });
    var layer = L.layerGroup().addTo(map);
    var markers = [];
    var you = null;

    function pin(shop, number, onPick) {
      var label = document.createElement("span");
      label.className = "shop-pin-label";
      label.textContent = String(number);
      var marker = L.marker([shop.lat, shop.lng], {
        icon: L.divIcon({ className: "shop-pin", html: label, iconSize: [34, 42], iconAnchor: [17, 42] }),
        title: shop.name,
        keyboard: true,
        riseOnHover: true
      });
      marker.on("click", function () { onPick(number - 1, marker.getElement()); });
      // Leaflet gives markers role=button and focus but only popups answer Enter; so do we.
      marker.on("keydown", function (event) {
        var key = event.originalEvent.key;
        if (key === "Enter" || key === " ") {
          event.originalEvent.preventDefault();
          onPick(number - 1, marker.getElement());
        }
      });
      return marker;
    }

    return {
      center: function () { var c = map.getCenter(); return { lat: c.lat, lng: c.lng }; },
      radius: function () { return map.getCenter().distanceTo(map.getBounds().getNorthEast()); },
      setCenter: function (lat, lng) { map.setView([lat, lng], Math.max(map.getZoom(), FALLBACK_ZOOM)); },
      zoomIn: function () { map.zoomIn(); },
      zoomOut: function () { map.zoomOut(); },
      onIdle: function (fn) { map.on("moveend", fn); },
      setShops: function (shops, onPick) {
        layer.clearLayers();  // removes the markers and, with them, their listeners
        markers = shops.map(function (shop, i) {
          var marker = pin(shop, i + 1, onPick).addTo(layer);
          marker.getElement().setAttribute("aria-label", (i + 1) + ". " + shop.name);
          return marker;
        });
      },
      select: function (index) {
        markers.forEach(function (m, i) {
          var node = m.getElement();
          if (node) node.classList.toggle("is-selected", i === index);
          m.setZIndexOffset(i === index ? 1000 : 0);
        });
        if (index >= 0 && markers[index] && !map.getBounds().contains(markers[index].getLatLng())) {
          map.panTo(markers[index].getLatLng());
        }
      },
      pinFor: function (index) { return markers[index] ? markers[index].getElement() : null; },
      setYou: function (lat, lng) {
        if (you) you.remove();
        you = L.marker([lat, lng], {
          icon: L.divIcon({ className: "you-pin", iconSize: [22, 22] }),
          keyboard: false, interactive: false, zIndexOffset: -100
        }).addTo(map);
        you.getElement().setAttribute("aria-hidden", "true");
      },
      destroy: function () { map.remove(); }
    };
  }

  function kakaoAdapter(el, start, kakao) {
    var maps = kakao.maps;
    var map = new maps.Map(el, { center: new maps.LatLng(start.lat, start.lng), level: 19 - FALLBACK_ZOOM });
    var overlays = [];
    var idleHandlers = [];
    var you = null;

    function pin(shop, number, onPick) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "shop-pin";
      button.setAttribute("aria-label", number + ". " + shop.name);
      button.title = shop.name;
      var label = document.createElement("span");
      label.className = "shop-pin-label";
      label.textContent = String(number);
      button.appendChild(label);
      button.addEventListener("click", function () { onPick(number - 1, button); });
      return new maps.CustomOverlay({
        position: new maps.LatLng(shop.lat, shop.lng), content: button, yAnchor: 1, clickable: true
      });
    }
    function clear() { overlays.forEach(function (o) { o.setMap(null); }); overlays = []; }
    function centre() { var c = map.getCenter(); return { lat: c.getLat(), lng: c.getLng() }; }

    return {
      center: centre,
      radius: function () {
        var ne = map.getBounds().getNorthEast();
        return distance(centre(), { lat: ne.getLat(), lng: ne.getLng() });
      },
      setCenter: function (lat, lng) { map.setCenter(new maps.LatLng(lat, lng)); },
      zoomIn: function () { map.setLevel(map.getLevel() - 1, { animate: true }); },
      zoomOut: function () { map.setLevel(map.getLevel() + 1, { animate: true }); },
      onIdle: function (fn) { idleHandlers.push(fn); maps.event.addListener(map, "idle", fn); },
      setShops: function (shops, onPick) {
        clear();
        overlays = shops.map(function (shop, i) {
          var overlay = pin(shop, i + 1, onPick);
          overlay.setMap(map);
          return overlay;
        });
      },
      select: function (index) {
        overlays.forEach(function (o, i) {
          o.getContent().classList.toggle("is-selected", i === index);
          o.setZIndex(i === index ? 10 : 1);
        });
        if (index >= 0 && overlays[index] && !map.getBounds().contain(overlays[index].getPosition())) {
          map.panTo(overlays[index].getPosition());
        }
      },
      pinFor: function (index) { return overlays[index] ? overlays[index].getContent() : null; },
      setYou: function (lat, lng) {
        if (you) you.setMap(null);
        var dot = document.createElement("span");
        dot.className = "you-pin";
        dot.setAttribute("aria-hidden", "true");
        you = new maps.CustomOverlay({ position: new maps.LatLng(lat, lng), content: dot, zIndex: 0 });
        you.setMap(map);
      },
      destroy: function () {
        idleHandlers.forEach(function (fn) { maps.event.removeListener(map, "idle", fn); });
        clear();
        if (you) you.setMap(null);
      }
    };
  }

  // No map: the list still works around a fixed point.
  function listOnlyAdapter(start) {
    var here = { lat: start.lat, lng: start.lng };
    var idle = null;
    return {
      center: function () { return here; },
      radius: function () { return LIST_ONLY_RADIUS; },
      setCenter: function (lat, lng) { here = { lat: lat, lng: lng }; if (idle) idle(); },
      zoomIn: function () {}, zoomOut: function () {},
      onIdle: function (fn) { idle = fn; },
      setShops: function () {}, select: function () {}, setYou: function () {},
      pinFor: function () { return null; },
      destroy: function () { idle = null; }
    };
  }

  function loadKakao(done, fail) {
    var kakao = window.kakao;
    if (!kakao || !kakao.maps || typeof kakao.maps.load !== "function") { fail(); return; }
    var timer = setTimeout(fail, SDK_TIMEOUT);
    kakao.maps.load(function () { clearTimeout(timer); done(kakao); });
  }

  // ---- helpers ----------------------------------------------------------------------------

  function distance(a, b) {
    var rad = Math.PI / 180;
    var dLat = (b.lat - a.lat) * rad;
    var dLng = (b.lng - a.lng) * rad;
    var h = Math.pow(Math.sin(dLat / 2), 2) +
      Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.pow(Math.sin(dLng / 2), 2);
    return 2 * 6371008.8 * Math.asin(Math.min(1, Math.sqrt(h)));
  }

  function format(template, values) {
    return template.replace(/\{(\w+)\}/g, function (all, key) {
      return values[key] !== undefined ? String(values[key]) : all;
    });
  }

  function safeUrl(url) {
    return typeof url === "string" && /^https:\/\//.test(url) ? url : "";
  }

  // ---- the page ---------------------------------------------------------------------------

  function MapPage(el) {
    var self = this;
    this.el = el;
    this.text = JSON.parse(document.getElementById("map-messages").textContent);
    this.start = { lat: Number(el.dataset.fallbackLat), lng: Number(el.dataset.fallbackLng) };
    this.shops = [];
    this.opener = null;
    this.openUrl = null;
    this.timer = null;
    this.request = null;
    this.query = null;
    this.answeredAt = 0;
    this.searching = false;
    this.part = function (id) { return document.getElementById(id); };
    this.onOnline = function () { self.hideAlert(); self.search(true); };
    this.onOffline = function () { self.showAlert(self.text.offline, true); };
    this.onKey = function (event) {
      if (event.key === "Escape" && !self.part("shop-card").hidden) self.closeCard();
    };
    this.onClick = function (event) {
      var action = event.target.closest("[data-map-action]");
      if (action && self.adapter) {
        var name = action.getAttribute("data-map-action");
        if (name === "zoom-in") self.adapter.zoomIn();
        if (name === "zoom-out") self.adapter.zoomOut();
        if (name === "locate") self.locate();
        return;
      }
      var item = event.target.closest(".shop-item");
      if (item) { self.openCard(Number(item.dataset.index), item); return; }
      if (event.target.closest("#shop-card-close")) self.closeCard();
      if (event.target.closest("#map-retry")) { self.hideAlert(); self.search(true); }
    };
    window.addEventListener("online", this.onOnline);
    window.addEventListener("offline", this.onOffline);
    document.addEventListener("keydown", this.onKey);
    el.closest(".map-layout").addEventListener("click", this.onClick);
  }

  MapPage.prototype.boot = function () {
    var self = this;
    var fallback = this.part("map-fallback");
    fallback.hidden = true;
    this.setStatus(this.text.locating);
    function ready(adapter) {
      self.adapter = adapter;
      adapter.onIdle(function () { self.scheduleSearch(); });
      self.locate();
    }
    function mapFailed() {
      if (self.adapter) return;
      self.el.classList.add("is-failed");
      fallback.querySelector("p").textContent = self.text.mapFailed;
      fallback.hidden = false;
      self.showNotice(self.text.mapFailed);
      ready(listOnlyAdapter(self.start));
    }
    try {
      if (this.el.dataset.engine === "kakao") {
        loadKakao(function (kakao) {
          if (self.adapter) return;
          try {
            ready(kakaoAdapter(self.el, self.start, kakao));
            self.part("map-controls").hidden = false;
          } catch (err) { mapFailed(); }
        }, mapFailed);
      } else if (window.L && typeof window.L.map === "function") {
        ready(leafletAdapter(this.el, this.start, {
          tilesFailed: function () { self.el.classList.add("tiles-failed"); self.showNotice(self.text.tilesFailed); }
        }));
        this.part("map-controls").hidden = false;
      } else {
        mapFailed();
      }
    } catch (err) {
      mapFailed();
    }
  };

  // Ask for the browser's position; without it, Seoul City Hall, and the page says so.
  MapPage.prototype.locate = function () {
    var self = this;
    var settled = false;
    function finish(position, reason) {
      if (settled || !self.adapter) return;
      settled = true;
      clearTimeout(watchdog);
      if (position) {
        var here = { lat: position.coords.latitude, lng: position.coords.longitude };
        self.adapter.setYou(here.lat, here.lng);
        self.setWhere(self.text.located, false);
        self.moveTo(here);
      } else {
        self.setWhere(self.text[reason] || self.text.fallback, true);
        self.moveTo(self.start);
      }
    }
    var watchdog = setTimeout(function () { finish(null, "fallback"); }, LOCATE_TIMEOUT + 2000);
    if (!window.isSecureContext) { finish(null, "fallbackInsecure"); return; }
    if (!navigator.geolocation) { finish(null, "fallback"); return; }
    navigator.geolocation.getCurrentPosition(
      function (position) { finish(position); },
      function (error) { finish(null, error && error.code === 1 ? "fallbackDenied" : "fallback"); },
      { enableHighAccuracy: false, timeout: LOCATE_TIMEOUT, maximumAge: 300000 }
    );
  };

  MapPage.prototype.moveTo = function (point) {
    var c = this.adapter.center();
    this.searching = true;
    this.adapter.setCenter(point.lat, point.lng);
    // The same centre may fire no idle event, so search now (a repeat is skipped).
    if (distance(c, point) < 1) this.search();
  };

  MapPage.prototype.scheduleSearch = function () {
    var self = this;
    if (!this.searching) return;  // not until the first position is known
    clearTimeout(this.timer);
    this.timer = setTimeout(function () { self.search(); }, SEARCH_DELAY);
  };

  // Ask the server for the visible area. The same query again within a few seconds (or while it
  // is still on its way) is skipped unless forced by "retry" or coming back online.
  MapPage.prototype.search = function (force) {
    var self = this;
    if (!this.adapter) return;
    this.searching = true;
    clearTimeout(this.timer);
    if (navigator.onLine === false) { this.showAlert(this.text.offline, true); return; }
    var c = this.adapter.center();
    var radius = Math.max(50, Math.min(MAX_RADIUS, Math.ceil(this.adapter.radius())));
    var query = "?lat=" + c.lat.toFixed(6) + "&lng=" + c.lng.toFixed(6) + "&radius=" + radius;
    var fresh = this.request || Date.now() - this.answeredAt < 5000;
    if (!force && query === this.query && fresh) return;
    if (this.request) this.request.abort();
    var controller = new AbortController();
    this.request = controller;
    this.query = query;
    this.answeredAt = 0;
    var url = this.el.dataset.shopsUrl + query;
    this.setStatus(this.text.searching);
    this.el.closest(".map-layout").setAttribute("aria-busy", "true");
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin", signal: controller.signal })
      .then(function (response) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          return { ok: response.ok, body: body };
        });
      })
      .then(function (answer) {
        if (controller !== self.request) return;
        self.request = null;
        self.el.closest(".map-layout").removeAttribute("aria-busy");
        if (!answer.ok || !Array.isArray(answer.body.shops)) {
          self.setStatus("");
          self.showAlert(answer.body.error || self.text.searchFailed, true);
          return;
        }
        self.hideAlert();
        self.answeredAt = Date.now();
        self.render(answer.body);
      })
      .catch(function (err) {
        if (err && err.name === "AbortError") return;
        if (controller !== self.request) return;
        self.request = null;
        self.el.closest(".map-layout").removeAttribute("aria-busy");
        self.setStatus("");
        self.showAlert(navigator.onLine === false ? self.text.offline : self.text.searchFailed, true);
      });
  };

  MapPage.prototype.distanceText = function (metres) {
    if (metres < 1000) return format(this.text.metres, { n: Math.round(metres) });
    return format(this.text.kilometres, { n: (metres / 1000).toFixed(metres < 10000 ? 1 : 0) });
  };

  MapPage.prototype.render = function (body) {
    var self = this;
    var list = this.part("shop-list");
    var hadFocus = list.contains(document.activeElement);
    this.shops = body.shops;
    var items = this.shops.map(function (shop, i) {
      var li = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.className = "shop-item";
      button.dataset.index = String(i);
      var number = document.createElement("span");
      number.className = "shop-item-number";
      number.setAttribute("aria-hidden", "true");
      number.textContent = String(i + 1);
      var name = document.createElement("span");
      name.className = "shop-item-name";
      name.textContent = shop.name;
      var far = document.createElement("span");
      far.className = "shop-item-distance";
      far.textContent = self.distanceText(shop.distance);
      var address = document.createElement("span");
      address.className = "shop-item-address";
      address.textContent = shop.address || self.text.noAddress;
      button.append(number, name, far, address);
      li.appendChild(button);
      return li;
    });
    list.replaceChildren.apply(list, items);
    this.adapter.setShops(this.shops, function (index, opener) { self.openCard(index, opener); });
    this.setStatus(this.shops.length ? format(this.text.found, { count: this.shops.length }) : this.text.none);
    this.part("map-source").textContent = body.source === "osm" ? this.text.sourceOsm : this.text.sourceKakao;
    var still = -1;
    this.shops.forEach(function (shop, i) { if (self.openUrl && shop.url === self.openUrl) still = i; });
    if (still >= 0) {
      this.adapter.select(still);
      this.markItem(still);
    } else if (!this.part("shop-card").hidden) {
      this.closeCard(true);
    }
    if (hadFocus) list.focus();
  };

  MapPage.prototype.markItem = function (index) {
    this.part("shop-list").querySelectorAll(".shop-item").forEach(function (item, i) {
      if (i === index) item.setAttribute("aria-current", "true");
      else item.removeAttribute("aria-current");
    });
  };

  MapPage.prototype.openCard = function (index, opener) {
    var shop = this.shops[index];
    if (!shop) return;
    var card = this.part("shop-card");
    var field = function (name) { return card.querySelector('[data-card="' + name + '"]'); };
    this.part("shop-card-name").textContent = shop.name;
    field("address").textContent = shop.address || this.text.noAddress;
    var phone = field("phone");
    phone.replaceChildren();
    var digits = (shop.phone || "").replace(/[^0-9+]/g, "");
    if (digits) {
      var call = document.createElement("a");
      call.href = "tel:" + digits;
      call.textContent = shop.phone;
      phone.appendChild(call);
    } else {
      phone.textContent = this.text.noPhone;
    }
    field("distance").textContent = this.distanceText(shop.distance);
    [["directions", shop.directions_url], ["detail", shop.url]].forEach(function (pair) {
      var link = field(pair[0]);
      var url = safeUrl(pair[1]);
      link.hidden = !url;
      if (url) link.href = url; else link.removeAttribute("href");
    });
    this.opener = opener || null;
    this.openUrl = shop.url;
    card.hidden = false;
    this.adapter.select(index);
    this.markItem(index);
    card.focus();
  };

  MapPage.prototype.closeCard = function (quiet) {
    var card = this.part("shop-card");
    card.hidden = true;
    this.openUrl = null;
    if (this.adapter) this.adapter.select(-1);
    this.markItem(-1);
    if (!quiet && this.opener && document.body.contains(this.opener)) this.opener.focus();
    this.opener = null;
  };

  MapPage.prototype.setStatus = function (message) { this.part("map-status").textContent = message; };

  MapPage.prototype.setWhere = function (message, fallback) {
    var where = this.part("map-where");
    where.textContent = message;
    where.classList.toggle("is-fallback", fallback);
  };

  MapPage.prototype.showAlert = function (message, canRetry) {
    this.part("map-alert-text").textContent = message;
    this.part("map-retry").hidden = !canRetry;
    this.part("map-alert").hidden = false;
  };

  MapPage.prototype.hideAlert = function () { this.part("map-alert").hidden = true; };

  // A lasting notice about the map itself (no map, no tiles); the list keeps working.
  MapPage.prototype.showNotice = function (message) {
    var notice = this.part("map-notice");
    notice.textContent = message;
    notice.hidden = false;
  };

  MapPage.prototype.destroy = function () {
    clearTimeout(this.timer);
    if (this.request) this.request.abort();
    window.removeEventListener("online", this.onOnline);
    window.removeEventListener("offline", this.onOffline);
    document.removeEventListener("keydown", this.onKey);
    if (this.adapter) this.adapter.destroy();
    this.adapter = null;
  };

  function start() {
    var el = document.getElementById("shop-map");
    if (!el || el.dataset.ready) return;
    if (active) active.destroy();
    el.dataset.ready = "true";
    active = new MapPage(el);
    active.boot();
  }

  // Boosted navigation swaps the body: tear the map down before it goes, start it when it returns.
  document.addEventListener("htmx:beforeSwap", function (event) {
    if (active && event.detail.shouldSwap && event.detail.target === document.body) {
      active.destroy();
      active = null;
    }
  });
  document.addEventListener("htmx:load", start);
  document.addEventListener("htmx:historyRestore", start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
