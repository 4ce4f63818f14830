/* The site's only script on page load (Material's bundle is not used). Everything here
   enhances pages that already work without JavaScript: menu and search buttons, the colour
   scheme toggle, the Listen player, and the language of the not-found page. Search itself
   (search.js and its index) loads only when the visitor opens search. */
(function () {
  "use strict";

  var root = document.documentElement;

  /* ── Not-found page: the whole page of the edition the address asks for ───────────
     The root 404.html is the default edition's page; every other edition's page is inside
     it as a <template> (hooks/not_found.py). Swapped in first, so everything below works
     on the edition that is shown. */
  var editions = document.querySelectorAll("template[data-site-edition]");
  if (editions.length) {
    var siteBase = JSON.parse(document.getElementById("site-config").textContent).base || "/";
    var basePath = new URL(siteBase, location.href).pathname.replace(/\/?$/, "/");
    var asked = location.pathname.indexOf(basePath) === 0 ? location.pathname.slice(basePath.length) : "";
    var edition = null;
    editions.forEach(function (candidate) {
      var prefix = candidate.getAttribute("data-site-edition");
      if (prefix && asked.indexOf(prefix) === 0 && (!edition || prefix.length > edition.getAttribute("data-site-edition").length)) {
        edition = candidate;
      }
    });
    if (edition) {
      document.body.replaceChildren(edition.content.cloneNode(true));
      root.setAttribute("lang", edition.getAttribute("data-site-lang"));
      document.title = edition.getAttribute("data-site-title");
    }
  }

  var configElement = document.getElementById("site-config");
  var config = configElement ? JSON.parse(configElement.textContent) : { strings: {} };
  var strings = config.strings || {};

  /* ── Room under the sticky header for focused elements and link targets ────────── */
  var stickyHeader = document.querySelector("header.md-header");
  if (stickyHeader && window.ResizeObserver) {
    new ResizeObserver(function () {
      root.style.setProperty("--site-header-height", Math.ceil(stickyHeader.getBoundingClientRect().height + 8) + "px");
    }).observe(stickyHeader);
  }

  /* ── Menu and search: buttons that drive Material's CSS checkboxes ─────────────── */

  function toggles(id) {
    return document.querySelectorAll('[data-site-toggle="' + id + '"]');
  }

  function setOpen(id, open, opener) {
    var box = document.getElementById(id);
    if (!box) return;
    box.checked = open;
    toggles(id).forEach(function (button) {
      if (button.hasAttribute("aria-expanded")) button.setAttribute("aria-expanded", String(open));
    });
    if (id === "__search" && open) {
      loadSearch();
      var input = document.querySelector("[data-site-search-input]");
      if (input) input.focus();
    }
    if (id === "__drawer" && open) {
      var first = document.querySelector(".md-sidebar--primary a[href]");
      if (first) first.focus();
    }
    /* Closed with its button or Escape: focus goes back to the button that opened it. */
    if (!open && opener) opener.focus();
  }

  /* A page restored from the back/forward cache starts with menu and search closed (the
     checkboxes carry no autocomplete="off", which HTML does not allow on them). */
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    ["__drawer", "__search"].forEach(function (id) {
      if (document.getElementById(id)) setOpen(id, false);
    });
  });

  var lastOpener = {};
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-site-toggle]");
    if (!button) return;
    var id = button.getAttribute("data-site-toggle");
    var box = document.getElementById(id);
    var open = !(box && box.checked);
    if (open) lastOpener[id] = button;
    setOpen(id, open, lastOpener[id]);
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    ["__search", "__drawer"].forEach(function (id) {
      var box = document.getElementById(id);
      if (!box || !box.checked) return;
      /* Escape leaves search empty, as Chrome leaves a search field: no results stay behind
         for the next time it opens (search.js hears the input event). */
      if (id === "__search") clearSearch();
      setOpen(id, false, lastOpener[id] || toggles(id)[0]);
    });
  });

  /* Focus that leaves the open menu or search closes it, so that nothing focused is hidden
     behind it (WCAG 2.4.11). */
  var panels = { __drawer: ".md-sidebar--primary", __search: ".md-search" };
  document.addEventListener("focusin", function (event) {
    var target = event.target;
    if (!target.closest) return;
    Object.keys(panels).forEach(function (id) {
      var box = document.getElementById(id);
      if (!box || !box.checked) return;
      if (target.closest(panels[id]) || target.closest('[data-site-toggle="' + id + '"]')) return;
      setOpen(id, false);
    });
  });

  /* The page's contents inside the phone menu open with a label (Material's CSS toggle):
     give it a keyboard, and move focus into the panel and back. */
  document.querySelectorAll(".md-nav--primary label.md-nav__link[for], .md-nav--primary .md-nav label.md-nav__title[for]").forEach(function (label) {
    var box = document.getElementById(label.getAttribute("for"));
    if (!box) return;
    var opener = label.classList.contains("md-nav__link");
    label.setAttribute("tabindex", "0");
    label.setAttribute("role", "button");
    if (opener) {
      label.setAttribute("aria-expanded", String(box.checked));
      box.addEventListener("change", function () {
        label.setAttribute("aria-expanded", String(box.checked));
      });
      /* The panel covers the menu: focus leaving it closes it, as for the menu itself. */
      var panel = label.parentElement.querySelector(":scope > .md-nav");
      document.addEventListener("focusin", function (event) {
        if (!box.checked || event.target === label || (panel && panel.contains(event.target))) return;
        box.checked = false;
        label.setAttribute("aria-expanded", "false");
      });
    }
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      label.click();
      var item = label.closest(".md-nav__item");
      var next = opener
        ? item && item.querySelector(":scope > .md-nav a[href]")
        : item && item.querySelector("label.md-nav__link[for]");
      if (next) next.focus();
    });
  });

  /* The skip link moves focus, not only the view, to the start of the content. */
  document.addEventListener("click", function (event) {
    var skip = event.target.closest && event.target.closest("a.md-skip");
    var target = skip && document.getElementById(decodeURIComponent(skip.hash.slice(1)));
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  });

  /* ── Search, on demand ────────────────────────────────────────────────────────── */
  /* Nothing of search loads, and the panel does not open, until the visitor uses it: a click
     in the field, typing in it, the search button, or "/". Tabbing past the field does not. */

  var searchRequested = false;
  function loadSearch() {
    if (searchRequested || !config.search) return;
    searchRequested = true;
    /* The index downloads while search.js does (search.js fetches it the same way). */
    var preload = document.createElement("link");
    preload.rel = "preload";
    preload.as = "fetch";
    preload.crossOrigin = "anonymous";
    preload.href = config.search.index;
    document.head.appendChild(preload);
    var script = document.createElement("script");
    script.src = config.search.script;
    script.defer = true;
    document.head.appendChild(script);
  }

  var searchInput = document.querySelector("[data-site-search-input]");
  function searchIsOpen() {
    var box = document.getElementById("__search");
    return !!box && box.checked;
  }

  function clearSearch() {
    if (!searchInput || !searchInput.value) return;
    searchInput.value = "";
    searchInput.dispatchEvent(new Event("input"));
  }

  if (searchInput) {
    searchInput.addEventListener("click", function () {
      if (!searchIsOpen()) setOpen("__search", true);
    });
    /* Typing reopens a panel that Escape closed while focus stayed in the field. */
    searchInput.addEventListener("input", function () {
      if (searchInput.value && !searchIsOpen()) setOpen("__search", true);
    });
    /* Enter in a closed panel opens it: never a jump to a result the visitor has not seen. */
    if (searchInput.form) {
      searchInput.form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (searchIsOpen()) return;
        event.stopImmediatePropagation();
        if (searchInput.value) setOpen("__search", true);
      });
    }
  }

  /* "/" opens search from anywhere but a field being typed in (as on GitHub and MDN). */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || event.defaultPrevented) return;
    var target = event.target;
    if (target && target.closest && target.closest("input, textarea, select, [contenteditable]:not([contenteditable=false])")) return;
    if (!searchInput) return;
    event.preventDefault();
    setOpen("__search", true);
  });

  /* ── Colour scheme ────────────────────────────────────────────────────────────── */

  var paletteButton = document.querySelector("[data-site-palette]");
  /* The browser's bar follows the chosen scheme, not only the system's (site-meta.html). */
  var themeColours = document.querySelectorAll('meta[name="theme-color"]');
  var schemeColours = {};
  themeColours.forEach(function (meta) {
    schemeColours[/dark/.test(meta.getAttribute("media")) ? "slate" : "default"] = meta.getAttribute("content");
  });
  function showScheme() {
    var scheme = root.getAttribute("data-md-color-scheme");
    themeColours.forEach(function (meta) {
      if (schemeColours[scheme]) meta.setAttribute("content", schemeColours[scheme]);
    });
    if (!paletteButton) return;
    var dark = scheme === "slate";
    paletteButton.setAttribute("aria-label", dark ? strings["palette.light"] : strings["palette.dark"]);
  }
  showScheme();
  if (paletteButton) {
    paletteButton.addEventListener("click", function () {
      var next = root.getAttribute("data-md-color-scheme") === "slate" ? "default" : "slate";
      root.setAttribute("data-md-color-scheme", next);
      try {
        localStorage.setItem("site.palette", next);
      } catch (e) {
        /* storage may be disabled: the choice then lasts for this page only */
      }
      showScheme();
    });
  }

  /* ── Listen: the page's recording (partials/listen.html), fetched on the first press ── */

  document.querySelectorAll("[data-site-listen]").forEach(function (player) {
    var button = player.querySelector("[data-site-listen-play]");
    var controls = player.querySelector("[data-site-listen-controls]");
    var position = player.querySelector("[data-site-listen-position]");
    var time = player.querySelector("[data-site-listen-time]");
    var speed = player.querySelector("[data-site-listen-speed]");
    var status = player.querySelector("[data-site-listen-status]");
    var audio = null;
    var unplayable = false;

    function clock(seconds) {
      var whole = Math.max(0, Math.floor(seconds || 0));
      return Math.floor(whole / 60) + ":" + ("0" + (whole % 60)).slice(-2);
    }
    function length() {
      return audio && isFinite(audio.duration) ? audio.duration : Number(player.getAttribute("data-seconds"));
    }
    function showPosition() {
      var now = audio ? audio.currentTime : 0;
      var progress = player.getAttribute("data-progress");
      position.value = String(now);
      position.setAttribute("aria-valuetext", progress.replace("{position}", clock(now)).replace("{duration}", clock(length())));
      time.textContent = clock(now) + " / " + clock(length());
    }
    function showPlaying(playing) {
      player.classList.toggle("site-listen--playing", playing); /* the button's label and icon */
    }
    function fail() {
      status.textContent = player.getAttribute("data-error");
      showPlaying(false);
    }

    /* The audio exists only from the first press: preload="none" in HTML would do as much,
       but an element created here also never shows a second, unlabelled set of controls. */
    function create() {
      var probe = new Audio();
      if (!probe.canPlayType || !probe.canPlayType('audio/ogg; codecs="opus"')) {
        unplayable = true; /* e.g. Safari before 18.4: Ogg Opus unknown */
        return fail();
      }
      audio = probe;
      audio.preload = "auto";
      audio.src = player.getAttribute("data-site-listen");
      audio.playbackRate = audio.defaultPlaybackRate = Number(speed.value) || 1;
      audio.addEventListener("timeupdate", showPosition);
      audio.addEventListener("durationchange", showPosition);
      audio.addEventListener("play", function () {
        showPlaying(true);
      });
      audio.addEventListener("pause", function () {
        showPlaying(false);
      });
      audio.addEventListener("ended", function () {
        showPlaying(false);
      });
      audio.addEventListener("error", fail);
      player.appendChild(audio); /* no controls attribute: nothing shows; ours do the work */
      controls.hidden = false;
      if ("mediaSession" in navigator && window.MediaMetadata) {
        var heading = document.querySelector("article h1");
        navigator.mediaSession.metadata = new MediaMetadata({
          title: heading ? heading.textContent.trim() : document.title,
          artist: document.querySelector(".md-header__topic") ? document.querySelector(".md-header__topic").textContent.trim() : ""
        });
      }
    }

    button.addEventListener("click", function () {
      if (!audio && !unplayable) create();
      if (!audio) return;
      status.textContent = "";
      if (audio.paused) {
        var started = audio.play();
        if (started && started.catch) started.catch(fail);
      } else {
        audio.pause();
      }
    });
    position.addEventListener("input", function () {
      if (audio) audio.currentTime = Number(position.value);
      showPosition();
    });
    speed.addEventListener("change", function () {
      if (audio) audio.playbackRate = audio.defaultPlaybackRate = Number(speed.value) || 1;
    });
  });

  /* ── Print: link targets as full addresses (site.css prints them after each link) ──── */

  document.querySelectorAll("article a[href]").forEach(function (link) {
    var href = link.getAttribute("href");
    if (href.charAt(0) === "#") return;
    if (/^mailto:/i.test(href)) {
      /* A mail link prints its address only (no subject), and nothing when its text is it. */
      var address = decodeURIComponent(href.slice(7).split("?")[0]);
      link.setAttribute("data-print-href", link.textContent.trim() === address ? "" : address);
      return;
    }
    link.setAttribute("data-print-href", link.href);
  });

  /* ── Not-found page: keep the language the address asks for ─────────────────────── */

  var notFound = document.querySelectorAll(".site-not-found[data-site-language]");
  if (notFound.length) {
    var base = new URL(config.base || "/", location.href).pathname.replace(/\/?$/, "/");
    var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : "";
    var chosen = null;
    notFound.forEach(function (section) {
      var prefix = section.getAttribute("data-site-language");
      if (rest.indexOf(prefix) === 0 && (!chosen || prefix.length > chosen.getAttribute("data-site-language").length)) {
        chosen = section;
      }
    });
    notFound.forEach(function (section) {
      section.hidden = section !== chosen;
    });
    if (chosen) {
      root.setAttribute("lang", chosen.getAttribute("lang"));
      document.title = chosen.getAttribute("data-site-title") || chosen.querySelector("h1").textContent;
    }
  }
})();
