/* Site search. site.js loads this file the first time the visitor uses search; it then reads
   the index of the page's own language only (search/<locale>/meta.json, which site.js already
   started to fetch), so results are always in the reader's edition. A small index is that one
   file; a large one is split like Pagefind's: chunks of sorted terms, loaded for the prefixes a
   query asks for, and one file per page, loaded for the results shown.

   The index says how its text was folded (lower case, apostrophes dropped, ў қ ғ ҳ ё folded)
   and which keyboard layouts to retry a query in; this file applies the same rules to the
   query (sitekit/search_text.py and sitekit/keyboard_layouts.py write them). Matching:
   - a query word finds every word it begins; on the Uzbek editions words are indexed in both
     scripts, so a Latin query finds Cyrillic text and the other way round;
   - Russian: the Snowball stemmer that Material ships for lunr, loaded on demand, cuts the
     query word to its stem, which then finds every word it begins;
   - a query that finds nothing is tried again as typed on the other keyboard layout ("vtlm" is
     медь), and the results say so; then pages with some of its words, the rest shown missing.
   Ranking: a word in the page's title counts most, then its description, then a section
   heading, then the text (more often, a little more: BM25's saturation); rarer words weigh more
   (BM25's IDF). So the page about a thing comes before pages that mention it. */
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
  var SNIPPET_LINES = 4; /* blocks (list items…) shown at most, one per line */
  var WEIGHTS = { title: 8, description: 4, heading: 3 }; /* the text: at most 1 + K1 */
  var K1 = 1.2; /* BM25 term-frequency saturation */
  var PREFIX_MATCH = 0.75; /* a word that a query word only begins counts this much */
  var OTHER_SECTIONS = 0.25; /* a page's other matching sections, after its best one */

  /* Snowball stemmers shipped with Material (lunr-languages), by page language. */
  var STEMMER_FILES = { ru: ["lunr.stemmer.support.min.js", "lunr.ru.min.js"] };

  var indexUrl = new URL(config.search.index, location.href);
  var siteRoot = new URL(String(config.base || ".").replace(/\/?$/, "/"), location.href);
  var scriptUrl = new URL(config.search.script, location.href);

  /* ── Words, as the index has them ──────────────────────────────────────────────── */

  var index = null; /* meta.json */
  var stem = null; /* set once the language's stemmer has loaded */
  var WORD = null;
  var APOSTROPHE = null;
  var fold = {};

  function unicodeRegExp(source, fallback) {
    try {
      return new RegExp(source, "gu");
    } catch (e) {
      return new RegExp(fallback, "g"); /* browsers without Unicode property escapes */
    }
  }

  function escapeClass(characters) {
    return characters.replace(/[\\\]\[^-]/g, "\\$&");
  }

  function useTextRules(rules) {
    var marks = escapeClass(rules.apostrophes);
    var letter = "[\\p{L}\\p{M}\\p{N}]";
    var fallback = "[0-9A-Za-z\\u00c0-\\u024f\\u02b0-\\u02ff\\u0300-\\u036f\\u0400-\\u04ff]";
    WORD = unicodeRegExp(
      letter + "+(?:[" + marks + "]" + letter + "+)*",
      fallback + "+(?:[" + marks + "]" + fallback + "+)*"
    );
    APOSTROPHE = new RegExp("[" + marks + "]", "g");
    fold = rules.fold;
  }

  function words(text) {
    var normal = String(text);
    if (normal.normalize) normal = normal.normalize("NFC");
    return normal.match(WORD) || [];
  }

  function wordKey(word) {
    return word
      .toLowerCase()
      .replace(APOSTROPHE, "")
      .replace(/[^\u0000-\u00ff]/g, function (letter) {
        return fold[letter] || letter;
      });
  }

  /* A query word: its key, and what is looked up (the stem, for a stemmed language). */
  function queryTerm(word) {
    var key = wordKey(word);
    var lookup = stem ? stem(key) || key : key;
    return { text: word, key: key, lookup: lookup };
  }

  function queryTerms(query) {
    var seen = {};
    var terms = [];
    words(query).forEach(function (word) {
      var term = queryTerm(word);
      if (term.key && !seen[term.lookup]) {
        seen[term.lookup] = true;
        terms.push(term);
      }
    });
    return terms;
  }

  function startsWith(text, prefix) {
    return text.lastIndexOf(prefix, 0) === 0;
  }

  /* "vtlm" → "медь": each character to the one on the same key of the other layout. */
  function swapLayout(query, layout) {
    var lower = query.toLowerCase();
    var out = "";
    for (var i = 0; i < lower.length; i++) {
      var character = lower.charAt(i);
      var position = layout.us.indexOf(character);
      if (position >= 0) out += layout.keys.charAt(position);
      else {
        position = layout.keys.indexOf(character);
        out += position >= 0 ? layout.us.charAt(position) : character;
      }
    }
    return out;
  }

  /* ── Loading ──────────────────────────────────────────────────────────────────── */

  function fetchJson(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + response.url);
      return response.json();
    });
  }

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

  var chunks = {}; /* number → promise of the chunk */
  var pages = {}; /* number → promise of the page */

  function chunk(number) {
    if (!chunks[number]) {
      chunks[number] = index.inline
        ? Promise.resolve(index.inline.chunks[number])
        : fetchJson(new URL("terms/" + number + ".json", indexUrl));
    }
    return chunks[number];
  }

  function page(number) {
    if (!pages[number]) {
      pages[number] = index.inline
        ? Promise.resolve(index.inline.pages[number])
        : fetchJson(new URL("pages/" + number + ".json", indexUrl));
    }
    return pages[number];
  }

  /* ── Matching ─────────────────────────────────────────────────────────────────── */

  /* The index's terms a query term finds: those it begins (a one-letter term: itself only). */
  function lookUp(term) {
    var prefix = term.lookup;
    var exactOnly = prefix.length < 2;
    var end = prefix + "\uffff";
    var wanted = [];
    index.chunks.forEach(function (range, number) {
      if (range[1] >= prefix && range[0] < end) wanted.push(chunk(number));
    });
    return Promise.all(wanted).then(function (loaded) {
      var hits = [];
      loaded.forEach(function (data) {
        var keys = data.keys;
        var low = 0;
        var high = keys.length;
        while (low < high) {
          var middle = (low + high) >> 1;
          if (keys[middle] < prefix) low = middle + 1;
          else high = middle;
        }
        for (var i = low; i < keys.length && startsWith(keys[i], prefix); i++) {
          if (exactOnly && keys[i] !== prefix) break;
          var via = data.via[String(i)];
          hits.push({
            key: keys[i],
            postings: data.postings[i],
            words: via
              ? via.map(function (word) {
                  return typeof word === "number" ? keys[word] : word;
                })
              : [keys[i]]
          });
        }
      });
      return hits;
    });
  }

  function exactness(term, key) {
    if (key === term.key || key === term.lookup) return 1;
    return stem && stem(key) === term.lookup ? 1 : PREFIX_MATCH;
  }

  /* For one query term: page → section → where and how often it stands there. */
  function termMatches(term, hits) {
    var base = index.sectionBase;
    var countBase = index.maxCount + 1;
    var fields = index.fields;
    var found = { term: term, pages: {}, count: 0, words: {} };
    hits.forEach(function (hit) {
      var weight = exactness(term, hit.key);
      var postings = hit.postings;
      var pageNumber = 0;
      hit.words.forEach(function (word) {
        found.words[word] = true;
      });
      for (var i = 0; i < postings.length; i += 2) {
        pageNumber += postings[i];
        var value = postings[i + 1];
        var section = value % base;
        var rest = Math.floor(value / base);
        var count = rest % countBase;
        var where = Math.floor(rest / countBase);
        var sections = found.pages[pageNumber];
        if (!sections) {
          sections = found.pages[pageNumber] = {};
          found.count++;
        }
        var at = sections[section] || (sections[section] = { title: 0, description: 0, heading: 0, count: 0 });
        if (where & fields.title) at.title = Math.max(at.title, weight);
        if (where & fields.description) at.description = Math.max(at.description, weight);
        if (where & fields.heading) at.heading = Math.max(at.heading, weight);
        at.count += weight * count;
      }
    });
    return found;
  }

  function sectionScore(at) {
    return (
      WEIGHTS.title * at.title +
      WEIGHTS.description * at.description +
      WEIGHTS.heading * at.heading +
      (at.count * (K1 + 1)) / (at.count + K1)
    );
  }

  /* Ranked pages for the matches of each term. Every term must match, unless `partial`:
     then pages with more of the terms come first, and each lists the terms it lacks. */
  function rank(matches, partial) {
    var total = index.pages;
    var byPage = {};
    matches.forEach(function (match) {
      var idf = Math.log(1 + (total - match.count + 0.5) / (match.count + 0.5));
      Object.keys(match.pages).forEach(function (pageNumber) {
        var sections = match.pages[pageNumber];
        var result = byPage[pageNumber] || (byPage[pageNumber] = { page: Number(pageNumber), score: 0, found: 0, sections: {}, missing: [] });
        var best = 0;
        var sum = 0;
        Object.keys(sections).forEach(function (section) {
          var score = sectionScore(sections[section]);
          result.sections[section] = (result.sections[section] || 0) + idf * score;
          best = Math.max(best, score);
          sum += score;
        });
        result.score += idf * (best + OTHER_SECTIONS * Math.min(sum - best, 2 * best));
        result.found++;
      });
    });
    var results = [];
    Object.keys(byPage).forEach(function (pageNumber) {
      var result = byPage[pageNumber];
      if (result.found < matches.length) {
        if (!partial) return;
        matches.forEach(function (match) {
          if (!match.pages[pageNumber]) result.missing.push(match.term.text);
        });
      }
      results.push(result);
    });
    return results.sort(function (a, b) {
      return b.found - a.found || b.score - a.score || a.page - b.page;
    });
  }

  /* A query word that mixes letters and digits and finds nothing as one word ("pp5159") is
     looked up as its parts ("pp", "5159"). */
  function matchTerms(terms) {
    return Promise.all(
      terms.map(function (term) {
        return lookUp(term).then(function (hits) {
          if (hits.length || !/\d/.test(term.key) || !/\D/.test(term.key)) return [termMatches(term, hits)];
          var parts = term.key.match(/\d+|\D+/g).map(queryTerm);
          return Promise.all(parts.map(lookUp)).then(function (partHits) {
            return parts.map(function (part, i) {
              return termMatches(part, partHits[i]);
            });
          });
        });
      })
    ).then(function (nested) {
      return [].concat.apply([], nested);
    });
  }

  /* The query; else the query as typed on the other layout; else pages with some words. */
  function find(query) {
    var terms = queryTerms(query);
    if (!terms.length) return Promise.resolve(null);
    return matchTerms(terms).then(function (matches) {
      var results = rank(matches, false);
      if (results.length) return answer(results, matches, null);
      var letters = (query.match(WORD) || []).join("").length;
      if (letters < 2) return answer([], matches, null);
      var swapped = [];
      index.layouts.forEach(function (layout) {
        var other = swapLayout(query, layout);
        if (other !== query.toLowerCase() && swapped.indexOf(other) < 0) swapped.push(other);
      });
      return retry(swapped, 0).then(function (found) {
        if (found) return found;
        return answer(matches.length > 1 ? rank(matches, true) : [], matches, null);
      });
    });
  }

  function retry(queries, position) {
    if (position >= queries.length) return Promise.resolve(null);
    var terms = queryTerms(queries[position]);
    if (!terms.length) return retry(queries, position + 1);
    return matchTerms(terms).then(function (matches) {
      var results = rank(matches, false);
      return results.length ? answer(results, matches, queries[position]) : retry(queries, position + 1);
    });
  }

  function answer(results, matches, shownFor) {
    var matched = {};
    matches.forEach(function (match) {
      Object.keys(match.words).forEach(function (word) {
        matched[word] = true;
      });
    });
    return { results: results, matched: matched, shownFor: shownFor };
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

  function isMatch(word, matched) {
    return matched[wordKey(word)] === true;
  }

  /* The text with every word the query found in <mark> ("PP-5159": one mark, hyphen included). */
  function highlighted(text, matched) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    var mark = null;
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (!isMatch(match[0], matched)) continue;
      var between = text.slice(last, match.index);
      if (mark && /^[-\u2010\u2011]$/.test(between)) {
        mark.textContent += between + match[0];
      } else {
        if (between) fragment.appendChild(document.createTextNode(between));
        mark = fragment.appendChild(element("mark", "", [match[0]]));
      }
      last = match.index + match[0].length;
    }
    if (last < text.length) fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  }

  function firstMatch(text, matched) {
    var match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text))) {
      if (isMatch(match[0], matched)) return match.index;
    }
    return -1;
  }

  /* A short passage around the first match: its block cut at spaces, then the blocks after
     it while there is room, each block on a line of its own (list items never run together). */
  function snippet(blocks, matched, always) {
    var start = -1;
    var offset = 0;
    for (var i = 0; i < blocks.length && start < 0; i++) {
      offset = firstMatch(blocks[i], matched);
      if (offset >= 0) start = i;
    }
    if (start < 0) {
      if (!always || !blocks.length) return null;
      start = 0;
      offset = 0;
    }
    var lines = [];
    var room = SNIPPET_LENGTH;
    for (var b = start; b < blocks.length && room > 20 && lines.length < SNIPPET_LINES; b++) {
      var text = blocks[b];
      var from = 0;
      if (b === start && offset > SNIPPET_BEFORE) {
        var space = text.indexOf(" ", offset - SNIPPET_BEFORE);
        from = space >= 0 && space < offset ? space + 1 : offset;
      }
      var to = Math.min(text.length, from + room);
      if (to < text.length) {
        var cut = text.lastIndexOf(" ", to);
        to = cut > from + 20 ? cut : to;
      }
      lines.push((from > 0 ? "… " : "") + text.slice(from, to) + (to < text.length ? " …" : ""));
      room -= to - from;
    }
    var paragraph = element("p");
    lines.forEach(function (line) {
      var block = element("span", "site-search-block");
      block.appendChild(highlighted(line, matched));
      paragraph.appendChild(block);
    });
    return paragraph;
  }

  function resultLink(location, heading, paragraph, matched, isDocument) {
    var article = element("article", "md-search-result__article md-typeset" + (isDocument ? " md-search-result__article--document" : ""));
    if (isDocument) article.appendChild(element("div", "md-search-result__icon md-icon"));
    var title = element(isDocument ? "h1" : "h2");
    title.appendChild(highlighted(heading, matched));
    article.appendChild(title);
    if (paragraph) article.appendChild(paragraph);
    var link = element("a", "md-search-result__link", [article]);
    link.href = new URL(location, siteRoot).href;
    return link;
  }

  function sectionLocation(data, number) {
    var anchor = data.sections[number][0];
    return anchor ? data.url + "#" + anchor : data.url;
  }

  function resultItem(result, data, matched) {
    var item = element("li", "md-search-result__item");
    var intro = data.sections[0];
    /* The page: its introduction where the query is, else its description (what it is about). */
    var about =
      snippet(intro[2], matched, false) ||
      snippet(data.description ? [data.description] : [], matched, true) ||
      snippet(intro[2], matched, true);
    var pageLink = resultLink(data.url, data.title, about, matched, true);
    item.appendChild(pageLink);
    Object.keys(result.sections)
      .map(Number)
      .filter(function (number) {
        return number > 0 && data.sections[number];
      })
      .sort(function (a, b) {
        return result.sections[b] - result.sections[a] || a - b;
      })
      .slice(0, SECTIONS_PER_PAGE)
      .forEach(function (number) {
        var section = data.sections[number];
        item.appendChild(resultLink(sectionLocation(data, number), section[1], snippet(section[2], matched, true), matched, false));
      });
    if (result.missing.length) {
      var terms = element("p", "md-search-result__terms", [strings["search.result.term.missing"] + ": "]);
      result.missing.forEach(function (word, position) {
        if (position) terms.appendChild(document.createTextNode(" "));
        terms.appendChild(element("del", "", [word]));
      });
      pageLink.firstChild.appendChild(terms);
    }
    return item;
  }

  function countMessage(count) {
    if (count === 0) return strings["search.result.none"];
    if (count === 1) return strings["search.result.one"];
    return String(strings["search.result.other"]).replace("#", String(count));
  }

  var rendered = null; /* the query the results on screen answer */
  var latest = 0;

  function render(query, found, pagesData) {
    list.textContent = "";
    meta.textContent = "";
    if (found && found.shownFor) {
      var notice = element("span", "site-search-notice");
      notice.textContent = String(strings["search.showing_for"]).replace("#", function () {
        return found.shownFor;
      });
      meta.appendChild(notice);
      meta.appendChild(document.createTextNode(" "));
    }
    meta.appendChild(document.createTextNode(found ? countMessage(found.results.length) : strings["search.result.placeholder"]));
    if (found) {
      found.results.slice(0, MAX_PAGES).forEach(function (result, position) {
        list.appendChild(resultItem(result, pagesData[position], found.matched));
      });
    }
    rendered = query;
    list.setAttribute("data-site-search-query", query); /* what the results answer (tests wait for it) */
  }

  function show(query) {
    var ticket = ++latest;
    return find(query)
      .then(function (found) {
        var top = found ? found.results.slice(0, MAX_PAGES) : [];
        return Promise.all(
          top.map(function (result) {
            return page(result.page);
          })
        ).then(function (pagesData) {
          if (ticket === latest) render(query, found, pagesData);
        });
      })
      .catch(function () {
        if (ticket === latest) meta.textContent = strings["search.error"];
      });
  }

  /* ── Keyboard and input ───────────────────────────────────────────────────────── */

  function resultLinks() {
    return Array.prototype.slice.call(list.querySelectorAll("a.md-search-result__link"));
  }

  function isOpen() {
    var box = document.getElementById("__search");
    return !box || box.checked;
  }

  function closeSearch() {
    var box = document.getElementById("__search");
    if (box) box.checked = false;
    document.querySelectorAll('[data-site-toggle="__search"][aria-expanded]').forEach(function (button) {
      button.setAttribute("aria-expanded", "false");
    });
  }

  function update() {
    if (index && rendered !== input.value) show(input.value);
  }

  input.addEventListener("input", update);
  input.addEventListener("search", update); /* the field's own clear button, or Escape */
  input.addEventListener("focus", update);

  /* Enter goes to the best result, only when it is on screen for what the field says (site.js
     opens a closed panel on Enter instead). */
  if (input.form) {
    input.form.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!isOpen() || rendered !== input.value) return;
      var first = resultLinks()[0];
      if (first) first.click();
    });
  }

  /* Arrow keys move between the input and the results (Tab works as everywhere). */
  input.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" || !isOpen()) return;
    var first = resultLinks()[0];
    if (first) {
      event.preventDefault();
      first.focus();
    }
  });

  list.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
    var links = resultLinks();
    var position = links.indexOf(document.activeElement);
    if (position < 0) return;
    event.preventDefault();
    var next = position + (event.key === "ArrowDown" ? 1 : -1);
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
  Promise.all([fetchJson(indexUrl.href), loadStemmer()]).then(
    function (loaded) {
      index = loaded[0];
      stem = loaded[1];
      useTextRules(index.text);
      show(input.value);
    },
    function () {
      meta.textContent = strings["search.error"];
    }
  );
})();
