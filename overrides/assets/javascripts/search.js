/* Site search. site.js loads this file the first time the visitor opens search; it then
   fetches the index of the page's own language only (search/<locale>.json), so results are
   always in the reader's language. Matching follows the language:
   - Uzbek: no stemmer (words take long chains of suffixes): a query word finds every word it
     begins, and oʻ/o'/o‘/o’ (likewise gʻ and the tutuq belgisi ʼ) are the same letter;
   - Russian: the Snowball stemmer that Material ships for lunr, loaded on demand, on both sides;
   - other languages: a query word finds every word it begins. */
(function () {
  "use strict";

  var configElement = document.getElementById("site-config");
  var input = document.querySelector("[data-site-search-input]");
  var meta = document.querySelector(".md-search-result__meta");
  var list = document.querySelector(".md-search-result__list");
  if (!configElement || !input || !meta || !list) return;

  var config = JSON.parse(configElement.textContent);
  var strings = config.strings || {};
  var language = String(config.language || "").toLowerCase().split("-")[0];

  var MAX_PAGES = 10;
  var SECTIONS_PER_PAGE = 3;
  var SNIPPET_BEFORE = 60; /* characters of context before the first match */
  var SNIPPET_LENGTH = 200;
  /* A hit in a title always outranks hits in the text (text scores are capped below it). */
  var TITLE_HIT = 10;
  var EXACT_BONUS = 2;
  var TEXT_CAP = 6;

  /* Snowball stemmers shipped with Material (lunr-languages), by page language. */
  var STEMMER_FILES = { ru: ["lunr.stemmer.support.min.js", "lunr.ru.min.js"] };

  /* Apostrophe look-alikes: the Uzbek letters oʻ gʻ and the tutuq belgisi are typed with any. */
  var APOSTROPHES = "'`\u00b4\u2018\u2019\u02bb\u02bc";
  var APOSTROPHE = new RegExp("[" + APOSTROPHES + "]", "g");
  var WORD = unicodeRegExp(
    "[\\p{L}\\p{M}\\p{N}]+(?:[" + APOSTROPHES + "][\\p{L}\\p{M}\\p{N}]+)*",
    "[0-9A-Za-z\\u00c0-\\u024f\\u02bb\\u02bc\\u0400-\\u04ff]+(?:[" + APOSTROPHES + "][0-9A-Za-z\\u00c0-\\u024f\\u0400-\\u04ff]+)*"
  );

  function unicodeRegExp(source, fallback) {
    try {
      return new RegExp(source, "gu");
    } catch (e) {
      return new RegExp(fallback, "g"); /* browsers without Unicode property escapes */
    }
  }

  var stem = null; /* set once the language's stemmer has loaded */

  function wordKey(word) {
    /* ё is written as е as often as not; the Russian stemmer knows only е. */
    var key = word.toLowerCase().replace(APOSTROPHE, "").replace(/\u0451/g, "\u0435");
    return stem ? stem(key) : key;
  }

  function words(text) {
    return String(text).match(WORD) || [];
  }

  function queryTerms(query) {
    var seen = {};
    var terms = [];
    words(query).forEach(function (word) {
      var key = wordKey(word);
      if (key && !seen[key]) {
        seen[key] = true;
        terms.push(key);
      }
    });
    return terms;
  }

  function startsWith(key, term) {
    return key.lastIndexOf(term, 0) === 0;
  }

  function matchesAnyTerm(key, terms) {
    for (var i = 0; i < terms.length; i++) if (startsWith(key, terms[i])) return true;
    return false;
  }

  /* ── Loading ──────────────────────────────────────────────────────────────────── */

  var siteRoot = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  var scriptUrl = new URL(config.search.script, location.href);

  function loadScript(url) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = url;
      script.async = false; /* run in the order added: the stemmer needs its support file */
      script.onload = resolve;
      script.onerror = function () {
        reject(new Error("could not load " + url));
      };
      document.head.appendChild(script);
    });
  }

  /* lunr-languages' files expect lunr itself. We only call their stemmer, so they get the
     little they touch while loading: a pipeline registry and a stop-word filter factory. */
  function defineLunrShim() {
    var lunr = window.lunr || (window.lunr = {});
    lunr.Pipeline = lunr.Pipeline || { registerFunction: function () {} };
    lunr.generateStopWordFilter =
      lunr.generateStopWordFilter ||
      function () {
        return function (token) {
          return token;
        };
      };
  }

  function loadStemmer() {
    var files = STEMMER_FILES[language];
    if (!files) return Promise.resolve(null);
    defineLunrShim();
    return Promise.all(
      files.map(function (name) {
        return loadScript(new URL("lunr/min/" + name, scriptUrl).href);
      })
    ).then(function () {
      return window.lunr[language].stemmer;
    });
  }

  function loadIndex() {
    return fetch(config.search.index, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
  }

  /* ── Index ────────────────────────────────────────────────────────────────────── */

  var documents = null;

  function prepare(index, stemmer) {
    stem = stemmer;
    var pageTitles = {};
    index.entries.forEach(function (entry) {
      if (entry.location.indexOf("#") < 0) pageTitles[entry.location] = entry.title;
    });
    return index.entries.map(function (entry, position) {
      var page = entry.location.split("#")[0];
      var textCounts = {};
      words(entry.text).forEach(function (word) {
        var key = wordKey(word);
        textCounts[key] = (textCounts[key] || 0) + 1;
      });
      return {
        entry: entry,
        position: position,
        page: page,
        pageTitle: pageTitles[page] || entry.title,
        isPage: page === entry.location,
        titleKeys: words(entry.title).map(wordKey),
        textCounts: textCounts
      };
    });
  }

  function termScore(doc, term) {
    var title = 0;
    doc.titleKeys.forEach(function (key) {
      if (startsWith(key, term)) title = Math.max(title, TITLE_HIT + (key === term ? EXACT_BONUS : 0));
    });
    var text = 0;
    for (var key in doc.textCounts) {
      if (startsWith(key, term)) text += Math.min(doc.textCounts[key], 3) * (key === term ? 1.5 : 1);
    }
    return title + Math.min(text, TEXT_CAP);
  }

  /* Every query word must match (in the title or the text) for a section to count. */
  function search(terms) {
    var pages = {};
    var order = [];
    documents.forEach(function (doc) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var found = termScore(doc, terms[i]);
        if (!found) return;
        score += found;
      }
      var page = pages[doc.page];
      if (!page) {
        page = pages[doc.page] = { location: doc.page, title: doc.pageTitle, score: 0, position: doc.position, sections: [] };
        order.push(page);
      }
      page.sections.push({ doc: doc, score: score });
      page.score = Math.max(page.score, score);
    });
    order.forEach(function (page) {
      page.score += (page.sections.length - 1) * 0.1; /* more matching sections, slightly higher */
      page.sections.sort(function (a, b) {
        return b.score - a.score || a.doc.position - b.doc.position;
      });
    });
    return order.sort(function (a, b) {
      return b.score - a.score || a.position - b.position;
    });
  }

  /* ── Results ──────────────────────────────────────────────────────────────────── */

  function element(name, className, children) {
    var node = document.createElement(name);
    if (className) node.className = className;
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  /* The text with every word that matches a query word in <mark>. */
  function highlighted(text, terms) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (!matchesAnyTerm(wordKey(match[0]), terms)) continue;
      if (match.index > last) fragment.appendChild(document.createTextNode(text.slice(last, match.index)));
      fragment.appendChild(element("mark", "", [match[0]]));
      last = match.index + match[0].length;
    }
    if (last < text.length) fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  /* A short part of the text around its first match, cut at spaces. */
  function snippet(text, terms) {
    var first = -1;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (matchesAnyTerm(wordKey(match[0]), terms)) {
        first = match.index;
        break;
      }
    }
    if (first < 0) first = 0;
    var start = Math.max(0, first - SNIPPET_BEFORE);
    if (start > 0) {
      var space = text.indexOf(" ", start);
      start = space >= 0 && space < first ? space + 1 : first;
    }
    var end = Math.min(text.length, start + SNIPPET_LENGTH);
    if (end < text.length) end = text.lastIndexOf(" ", end) > first ? text.lastIndexOf(" ", end) : end;
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function resultLink(location, heading, text, terms, isDocument) {
    var article = element("article", "md-search-result__article md-typeset" + (isDocument ? " md-search-result__article--document" : ""));
    if (isDocument) article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element(isDocument ? "h1" : "h2");
    title.appendChild(highlighted(heading, terms));
    article.appendChild(title);
    if (text) {
      var paragraph = element("p");
      paragraph.appendChild(highlighted(snippet(text, terms), terms));
      article.appendChild(paragraph);
    }
    var link = element("a", "md-search-result__link", [article]);
    link.href = new URL(location, siteRoot).href;
    return link;
  }

  function resultItem(page, terms) {
    var item = element("li", "md-search-result__item");
    var intro = null;
    page.sections.forEach(function (section) {
      if (section.doc.isPage) intro = section.doc;
    });
    item.appendChild(resultLink(page.location, page.title, intro && intro.entry.text, terms, true));
    page.sections
      .filter(function (section) {
        return !section.doc.isPage;
      })
      .slice(0, SECTIONS_PER_PAGE)
      .forEach(function (section) {
        var entry = section.doc.entry;
        item.appendChild(resultLink(entry.location, entry.title, entry.text, terms, false));
      });
    return item;
  }

  function countMessage(count) {
    if (count === 0) return strings["search.result.none"];
    if (count === 1) return strings["search.result.one"];
    return String(strings["search.result.other"]).replace("#", String(count));
  }

  function show(query) {
    var terms = queryTerms(query);
    list.textContent = "";
    if (!terms.length) {
      meta.textContent = strings["search.result.placeholder"];
      return;
    }
    var pages = search(terms);
    meta.textContent = countMessage(pages.length);
    pages.slice(0, MAX_PAGES).forEach(function (page) {
      list.appendChild(resultItem(page, terms));
    });
  }

  /* ── Keyboard and input ───────────────────────────────────────────────────────── */

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  function closeSearch() {
    var box = document.getElementById("__search");
    if (box) box.checked = false;
    document.querySelectorAll('[data-site-toggle="__search"][aria-expanded]').forEach(function (button) {
      button.setAttribute("aria-expanded", "false");
    });
  }

  input.addEventListener("input", function () {
    if (documents) show(input.value);
  });

  /* Enter goes to the best result. */
  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = resultLinks()[0];
      if (first) first.click();
    });
  }

  /* Arrow keys move between the input and the results (Tab works as everywhere). */
  input.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown") return;
    var first = resultLinks()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });

  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    var index = links.indexOf(document.activeElement);
    if (index < 0) return;
    event.preventDefault();
    var next = index + (event.key === "ArrowDown" ? 1 : -1);
    if (next < 0) input.focus();
    else if (next < links.length) links[next].focus();
  });

  /* A result on the page being read only moves to a heading: close the panel to show it. */
  list.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (link && link.pathname === location.pathname) closeSearch();
  });

  /* ── Start ────────────────────────────────────────────────────────────────────── */

  meta.textContent = strings["search.loading"];
  Promise.all([loadIndex(), loadStemmer()]).then(
    function (loaded) {
      documents = prepare(loaded[0], loaded[1]);
      show(input.value);
    },
    function () {
      meta.textContent = strings["search.error"];
    }
  );
})();
