/* Search of every page: results as you type, from the lunr index of the page's language.
 *
 * Nothing is loaded until the visitor focuses or types in the search box; then lunr, the
 * lunr-languages files the index names and the index itself are added as <script> tags (no
 * fetch: it works from file://). Queries go through the pipeline stored with the index, the one
 * the build used (plugins/search/pipeline.py), and are built with lunr's query API, so what a
 * visitor types is never parsed as lunr query syntax. Nothing is stored.
 */
(function () {
  "use strict";

  var WORD = /[\p{L}\p{N}]+/gu;  // the build cuts words the same way: plugins/search/pipeline.py
  var MARKS = /\p{Mn}/gu;
  var DEBOUNCE_MS = 60;
  var FUZZY_FROM = 5;            // one typo allowed in words of 5 letters or more
  var SHOWN = 8;                 // results listed per language
  var SNIPPET = 160;             // characters of text around the first matched word
  var BOOST = { exact: 10, prefix: 3, fuzzy: 4 };
  var GLOBAL = "siteSearchIndexes";

  var script = document.currentScript;
  var vendor = script.src.replace(/js\/search\.js(\?.*)?$/, "vendor/");
  var scripts = {};
  var searchers = {};

  function loadScript(src) {
    if (!scripts[src]) {
      scripts[src] = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = src;
        tag.onload = resolve;
        tag.onerror = function () { reject(new Error("could not load " + src)); };
        document.head.appendChild(tag);
      });
    }
    return scripts[src];
  }

  function loadInOrder(sources) {
    return sources.reduce(function (done, src) {
      return done.then(function () { return loadScript(src); });
    }, Promise.resolve());
  }

  function words(text) {
    return text.normalize("NFC").toLowerCase().match(WORD) || [];
  }

  function fold(text) {
    return text.normalize("NFD").replace(MARKS, "");
  }

  function registerFolding() {
    if (!lunr.Pipeline.registeredFunctions["fold-accents"]) {
      lunr.Pipeline.registerFunction(function (token) { return token.update(fold); }, "fold-accents");
    }
  }

  /* One language: its index, documents and pipeline. */
  function Searcher(data) {
    this.docs = data.docs;
    this.index = lunr.Index.load(data.index);
    this.pipeline = lunr.Pipeline.load(data.pipeline);
  }

  Searcher.prototype.term = function (word) {
    return this.pipeline.runString(word)[0] || "";
  };

  Searcher.prototype.search = function (text) {
    var self = this;
    var all = words(text);
    var typing = /[\p{L}\p{N}]$/u.test(text);  // the last word may be the start of a longer one
    var typed = all.map(function (word, i) {
      return { prefix: fold(word), term: self.term(word), last: typing && i === all.length - 1 };
    });
    if (!typed.length) {
      return [];
    }
    var wildcard = lunr.Query.wildcard.TRAILING;
    return this.index.query(function (query) {
      typed.forEach(function (word) {
        if (word.term || word.last) {  // stop words are no prefix, unless still being typed
          query.term(word.prefix, { usePipeline: false, wildcard: wildcard, boost: BOOST.prefix });
        }
        if (word.term) {
          query.term(word.term, { usePipeline: false, boost: BOOST.exact });
        }
        if (word.term && word.prefix.length >= FUZZY_FROM) {
          query.term(word.term, { usePipeline: false, editDistance: 1, boost: BOOST.fuzzy });
        }
      });
    }).map(function (result) {
      var doc = self.docs[Number(result.ref)];
      return { kind: doc[0], title: doc[1], url: doc[2], text: doc[3],
               matched: Object.keys(result.matchData.metadata) };
    });
  };

  /* Text with the words whose index term was matched wrapped in <mark>, as DOM nodes. */
  Searcher.prototype.highlight = function (text, matched) {
    var fragment = document.createDocumentFragment();
    var last = 0;
    var self = this;
    text = text.normalize("NFC");
    text.replace(WORD, function (word, offset) {
      if (matched.indexOf(self.term(word.toLowerCase())) !== -1) {
        fragment.appendChild(document.createTextNode(text.slice(last, offset)));
        var mark = document.createElement("mark");
        mark.textContent = word;
        fragment.appendChild(mark);
        last = offset + word.length;
      }
      return word;
    });
    fragment.appendChild(document.createTextNode(text.slice(last)));
    return fragment;
  };

  Searcher.prototype.snippet = function (text, matched) {
    var self = this;
    var first = -1;
    text = text.normalize("NFC");
    text.replace(WORD, function (word, offset) {
      if (first < 0 && matched.indexOf(self.term(word.toLowerCase())) !== -1) {
        first = offset;
      }
      return word;
    });
    var start = first < SNIPPET / 3 ? 0 : Math.max(0, text.lastIndexOf(" ", first - SNIPPET / 3));
    var end = Math.min(text.length, start + SNIPPET);
    var cut = text.slice(start, end).trim();
    return (start > 0 ? "… " : "") + cut + (end < text.length ? " …" : "");
  };

  function searcherFor(box, lang) {
    if (!searchers[lang]) {
      var root = box.getAttribute("data-root");
      var indexUrl = root + "/" + box.getAttribute("data-index-url").replace("{lang}", lang);
      searchers[lang] = loadScript(vendor + "lunr/lunr.min.js").then(function () {
        registerFolding();
        return loadScript(indexUrl);
      }).then(function () {
        var data = window[GLOBAL][lang];
        return loadInOrder(data.scripts.map(function (name) { return vendor + "lunr-languages/" + name; }))
          .then(function () { return new Searcher(data); });
      });
    }
    return searchers[lang];
  }

  function count(element, n) {
    var template = element.getAttribute(n === 1 ? "data-count-one" : "data-count-many");
    return template.replace("%(num)d", String(n));
  }

  function resultItem(box, searcher, result, lang) {
    var item = document.createElement("li");
    var link = document.createElement("a");
    link.href = box.getAttribute("data-root") + "/" + result.url;
    link.setAttribute("data-search-result", "");
    if (lang !== box.getAttribute("data-lang")) {
      link.lang = lang;
      link.hreflang = lang;
    }
    var kind = document.createElement("span");
    kind.className = "site-search-kind";
    kind.textContent = box.getAttribute("data-kind-" + result.kind);
    kind.lang = box.getAttribute("data-lang");
    var title = document.createElement("span");
    title.className = "site-search-title";
    title.appendChild(searcher.highlight(result.title, result.matched));
    var snippet = document.createElement("span");
    snippet.className = "site-search-snippet";
    snippet.appendChild(searcher.highlight(searcher.snippet(result.text, result.matched), result.matched));
    link.append(kind, " ", title, " ", snippet);
    item.appendChild(link);
    return item;
  }

  function fillList(list, box, searcher, results, lang) {
    list.replaceChildren.apply(list, results.slice(0, SHOWN).map(function (result) {
      return resultItem(box, searcher, result, lang);
    }));
  }

  /* When this language finds nothing: how many results the others have, with links to them. */
  function showOtherLanguages(box, text, isCurrent, announce) {
    var items = Array.prototype.slice.call(box.querySelectorAll("[data-search-other-lang]"));
    return Promise.all(items.map(function (item) {
      var lang = item.getAttribute("data-search-other-lang");
      return searcherFor(box, lang).then(function (searcher) {
        if (!isCurrent()) {
          return;
        }
        var results = searcher.search(text);
        item.hidden = results.length === 0;
        if (!results.length) {
          return;
        }
        var heading = document.createElement("p");
        heading.textContent = count(item, results.length);
        var list = document.createElement("ul");
        list.className = "site-search-results";
        fillList(list, box, searcher, results, lang);
        item.replaceChildren(heading, list);
        announce(heading.textContent);
      });
    }));
  }

  function setUp(box) {
    var input = box.querySelector("[data-search-input]");
    var panel = box.querySelector("[data-search-panel]");
    var status = box.querySelector("[data-search-status]");
    var list = box.querySelector("[data-search-results]");
    var empty = box.querySelector("[data-search-empty]");
    var lang = box.getAttribute("data-lang");
    var timer = null;
    var generation = 0;

    function close() {
      panel.hidden = true;
    }

    function render(text) {
      var current = ++generation;
      box.querySelectorAll("[data-search-other-lang]").forEach(function (item) {
        item.hidden = true;
        item.replaceChildren();
      });
      if (!words(text).length) {
        close();
        status.textContent = "";
        list.setAttribute("aria-busy", "false");
        return;
      }
      searcherFor(box, lang).then(function (searcher) {
        if (current !== generation) {
          return null;
        }
        var results = searcher.search(text);
        fillList(list, box, searcher, results, lang);
        empty.hidden = results.length > 0;
        status.textContent = results.length ? count(box, results.length) : empty.firstElementChild.textContent;
        panel.hidden = false;
        return results.length ? null : showOtherLanguages(box, text, function () {
          return current === generation;
        }, function (hint) {
          status.textContent = empty.firstElementChild.textContent + " " + hint;
        });
      }).then(function () {
        if (current === generation) {
          list.setAttribute("aria-busy", "false");
        }
      });
    }

    function links() {
      return Array.prototype.slice.call(box.querySelectorAll("[data-search-result]"));
    }

    function move(from, step) {
      var all = links();
      var next = all.indexOf(from) + step;
      if (next < 0) {
        input.focus();
      } else if (next < all.length) {
        all[next].focus();
      }
    }

    input.addEventListener("focus", function () { searcherFor(box, lang); });
    input.addEventListener("input", function () {
      list.setAttribute("aria-busy", "true");
      clearTimeout(timer);
      timer = setTimeout(function () { render(input.value); }, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      var first = links()[0];
      if (event.key === "ArrowDown" && first && !panel.hidden) {
        event.preventDefault();
        first.focus();
      } else if (event.key === "Enter" && first && !panel.hidden) {
        event.preventDefault();
        first.click();
      } else if (event.key === "Escape") {
        if (panel.hidden) {
          input.value = "";
        }
        close();
      }
    });
    panel.addEventListener("keydown", function (event) {
      if (!event.target.hasAttribute("data-search-result")) {
        return;
      }
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        event.preventDefault();
        move(event.target, event.key === "ArrowDown" ? 1 : -1);
      } else if (event.key === "Escape") {
        close();
        input.focus();
      }
    });
    box.addEventListener("focusout", function (event) {
      if (!box.contains(event.relatedTarget)) {
        close();
      }
    });
    input.addEventListener("click", function () {
      if (words(input.value).length) {
        panel.hidden = false;
      }
    });
    box.hidden = false;
  }

  var boxes = document.querySelectorAll("[data-search]");
  boxes.forEach(setUp);

  /* For tests and benchmarks: in one language, the index terms the browser makes of a text, and
     the URLs of every result of a query, best first. */
  window.siteSearch = {
    terms: function (lang, text) {
      return searcherFor(boxes[0], lang).then(function (searcher) {
        return words(text).map(function (word) { return searcher.term(word); }).filter(Boolean);
      });
    },
    urls: function (lang, text) {
      return searcherFor(boxes[0], lang).then(function (searcher) {
        return searcher.search(text).map(function (result) { return result.url; });
      });
    }
  };
}());
