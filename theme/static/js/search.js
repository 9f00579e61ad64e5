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
  var PREFIX_EVERYWHERE_FROM = 3;  // shorter starts of words are looked for in titles only: fast, and enough
  var TITLES = ["title"];
  var NAME_FIELDS = ["title", "other_names"];
  var SHOWN = 8;                 // results listed per language
  var SNIPPET = 160;             // characters of text around the first matched word
  var BOOST = { exact: 10, prefix: 3, fuzzy: 4 };
  var GLOBAL = "siteSearchIndexes";
  var NO_METADATA = {};          // what lunr's inverted index holds per document: lunr only reads it

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

  /* The lunr index lunr.py built, over the compact form it is shipped in (plugins/search/index.py
     `compact`: the sorted terms, and per field the documents and frequency of each term). Nothing
     is made up front that a query may not need, so the first results come fast: the term trie is
     read straight from the sorted terms, and the postings of a term and the vector of a field of a
     document are made the first time lunr asks for them, with the BM25 weights lunr's builder
     gives (the scores are computed here: shipped, they were most of the index). */

  /* A node of the trie of the terms lo..hi-1, which share their first `depth` letters. */
  function TermNode(terms, lo, hi, depth) {
    this.terms = terms;
    this.lo = lo;
    this.hi = hi;
    this.depth = depth;
    this.final = terms[lo].length === depth;
    this.children = null;
  }
  Object.defineProperty(TermNode.prototype, "edges", { get: function () {
    if (!this.children) {
      this.children = {};
      for (var i = this.final ? this.lo + 1 : this.lo, j; i < this.hi; i = j) {
        var letter = this.terms[i].charAt(this.depth);
        for (j = i + 1; j < this.hi && this.terms[j].charAt(this.depth) === letter; j++) { /* same edge */ }
        this.children[letter] = new TermNode(this.terms, i, j, this.depth + 1);
      }
    }
    return this.children;
  } });
  TermNode.prototype.intersect = function (other) { return lunr.TokenSet.prototype.intersect.call(this, other); };

  /* Per document, the terms of one field (in term order) and their frequencies; where each term's
     postings start in `flat`; the length of the field in each document. */
  function FieldTable(flat, termCount, docCount) {
    var at = 0, t, n, doc, code, tf;
    this.flat = flat;
    this.offsets = new Int32Array(termCount);
    this.start = new Int32Array(docCount + 1);
    this.lengths = new Float64Array(docCount);
    for (t = 0; t < termCount; t++) {
      this.offsets[t] = at;
      for (doc = 0, n = flat[at++]; n > 0; n--) {
        code = flat[at++];
        doc += code >> 1;
        this.lengths[doc] += code & 1 ? flat[at++] : 1;
        this.start[doc + 1] += 1;
      }
    }
    for (doc = 0; doc < docCount; doc++) {
      this.start[doc + 1] += this.start[doc];
    }
    var next = this.start.slice(0, docCount);
    this.termOf = new Int32Array(this.start[docCount]);
    this.frequencyOf = new Int32Array(this.start[docCount]);
    for (t = 0, at = 0; t < termCount; t++) {
      for (doc = 0, n = flat[at++]; n > 0; n--) {
        code = flat[at++];
        doc += code >> 1;
        this.termOf[next[doc]] = t;
        this.frequencyOf[next[doc]++] = code & 1 ? flat[at++] : 1;
      }
    }
    this.average = this.lengths.reduce(function (sum, length) { return sum + length; }, 0) / docCount;
  }

  FieldTable.prototype.documents = function (t) {  // {doc: metadata} as in lunr's inverted index
    var docs = {}, at = this.offsets[t];
    for (var doc = 0, n = this.flat[at++]; n > 0; n--) {
      var code = this.flat[at++];
      doc += code >> 1;
      at += code & 1;
      docs[doc] = NO_METADATA;
    }
    return docs;
  };

  /* A table made on demand: `make(key)` the first time a key is read; `keys()` lists them all. */
  function lazyTable(keys, make) {
    var made = Object.create(null);
    function get(target, key) {
      if (!(key in made) && typeof key === "string") {
        made[key] = make(key);
      }
      return made[key];
    }
    return new Proxy(made, {
      get: get,
      has: function (target, key) { return get(target, key) !== undefined; },
      ownKeys: keys,
      getOwnPropertyDescriptor: function (target, key) {
        var value = get(target, key);
        return value === undefined ? undefined : { value: value, enumerable: true, configurable: true, writable: true };
      }
    });
  }

  function expand(data, pipeline, docCount) {
    var terms = data.terms.split(" ");
    var k1 = data.bm25[0], b = data.bm25[1];
    var tables = data.postings.map(function (flat) { return new FieldTable(flat, terms.length, docCount); });
    var idf = terms.map(function (term, t) {  // lunr.idf: a document counts once per field it has the term in
      var withTerm = tables.reduce(function (sum, table) { return sum + table.flat[table.offsets[t]]; }, 0);
      return Math.log(1 + Math.abs((docCount - withTerm + 0.5) / (withTerm + 0.5)));
    });
    function termNumber(term) {
      var at = firstNotBefore(terms, term);
      return terms[at] === term ? at : -1;
    }
    function Posting(t) {  // the documents of each field, read when lunr first asks for that field
      this._index = t;
    }
    data.fields.forEach(function (field, f) {
      Object.defineProperty(Posting.prototype, field, { enumerable: true, get: function () {
        var docs = tables[f].documents(this._index);
        Object.defineProperty(this, field, { value: docs, enumerable: true });
        return docs;
      } });
    });
    var invertedIndex = lazyTable(function () { return terms.slice(); }, function (term) {
      var t = termNumber(term);
      return t < 0 ? undefined : new Posting(t);
    });
    var fieldVectors = lazyTable(function () {
      return data.fields.reduce(function (refs, field, f) {
        for (var doc = 0; doc < docCount; doc++) {
          if (tables[f].start[doc + 1] > tables[f].start[doc]) { refs.push(field + "/" + doc); }
        }
        return refs;
      }, []);
    }, function (ref) {
      var slash = ref.indexOf("/"), f = data.fields.indexOf(ref.slice(0, slash)), doc = Number(ref.slice(slash + 1));
      var table = tables[f];
      if (f < 0 || !(doc >= 0 && doc < docCount)) {
        return undefined;
      }
      var norm = k1 * (1 - b + b * (table.lengths[doc] / table.average)), elements = [];
      for (var i = table.start[doc]; i < table.start[doc + 1]; i++) {
        var t = table.termOf[i], tf = table.frequencyOf[i];
        elements.push(t, Math.round(idf[t] * ((k1 + 1) * tf) / (norm + tf) * data.boosts[f] * 1000) / 1000);
      }
      return new lunr.Vector(elements);
    });
    var index = new lunr.Index({ invertedIndex: invertedIndex, fieldVectors: fieldVectors,
                                 tokenSet: new TermNode(terms, 0, terms.length, 0), fields: data.fields, pipeline: pipeline });
    var titles = tables[data.fields.indexOf("title")];
    return { index: index, titleTerms: terms.filter(function (term, t) { return titles.flat[titles.offsets[t]] > 0; }) };
  }

  /* The position of the first string of a sorted list that does not sort before `key`. */
  function firstNotBefore(sorted, key) {
    var lo = 0, hi = sorted.length, mid;
    while (lo < hi) {
      mid = (lo + hi) >> 1;
      if (sorted[mid] < key) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  /* The terms of a sorted list that start with `prefix`. */
  function startingWith(sorted, prefix) {
    var lo = firstNotBefore(sorted, prefix), hi = lo;
    while (hi < sorted.length && sorted[hi].lastIndexOf(prefix, 0) === 0) { hi++; }
    return sorted.slice(lo, hi);
  }

  /* One language: its index, documents and pipeline. */
  function Searcher(data) {
    this.docs = data.docs;
    this.pipeline = lunr.Pipeline.load(data.pipeline);
    var expanded = expand(data.index, this.pipeline, data.docs.length);
    this.index = expanded.index;
    this.titleTerms = expanded.titleTerms;
    var names = data.names.split(" ");
    this.nameWords = new TermNode(names, 0, names.length, 0);
  }

  /* The index terms of the words of titles and other names one typo away from a typed word. */
  Searcher.prototype.typoTerms = function (typed) {
    var self = this;
    return this.nameWords.intersect(lunr.TokenSet.fromFuzzyString(typed, 1)).toArray()
      .map(function (word) { return self.term(word); })
      .filter(function (term, i, all) { return term && all.indexOf(term) === i; });
  };

  Searcher.prototype.term = function (word) {
    return this.pipeline.runString(word)[0] || "";
  };

  Searcher.prototype.search = function (text) {
    var self = this;
    var all = words(text);
    var typing = /[\p{L}\p{N}]$/u.test(text);  // the last word may be the start of a longer one
    var typed = all.map(function (word, i) {
      return { prefix: fold(word), term: self.term(word), last: typing && i === all.length - 1, typos: [] };
    });
    if (!typed.length) {
      return [];
    }
    var wildcard = lunr.Query.wildcard.TRAILING;
    var results = this.index.query(function (query) {
      typed.forEach(function (word) {
        if (word.term || word.last) {  // stop words are no prefix, unless still being typed
          if (word.prefix.length >= PREFIX_EVERYWHERE_FROM) {
            query.term(word.prefix, { usePipeline: false, wildcard: wildcard, boost: BOOST.prefix });
          } else {  // lunr would go through every term that starts so, in any field: many
            startingWith(self.titleTerms, word.prefix).forEach(function (term) {
              query.term(term, { usePipeline: false, fields: TITLES, boost: BOOST.prefix });
            });
          }
        }
        if (word.term) {
          query.term(word.term, { usePipeline: false, boost: BOOST.exact });
        }
        if (word.term && word.prefix.length >= FUZZY_FROM) {
          query.term(word.term, { usePipeline: false, editDistance: 1, boost: BOOST.fuzzy });
          word.typos = self.typoTerms(word.prefix).filter(function (term) { return term !== word.term; });
          word.typos.forEach(function (term) { query.term(term, { usePipeline: false, boost: BOOST.fuzzy }); });
        }
      });
    });
    var named = [], others = [];
    results.forEach(function (result) {
      (namesEveryWord(typed, result.matchData.metadata) ? named : others).push(result);
    });
    return named.concat(others).map(function (result) {
      var doc = self.docs[Number(result.ref)];
      return { kind: doc[0], title: doc[1], url: doc[2], text: doc[3],
               matched: Object.keys(result.matchData.metadata) };
    });
  };

  /* Whether a document's title or other names hold every typed word (or its start, or the word
     with one typo): such documents come first ('spécialiste de la cybersécurité' is another name
     of one profession; the title of another has 'cybersécurité' only). */
  function namesEveryWord(typed, metadata) {
    var names = Object.keys(metadata).filter(function (term) {
      return NAME_FIELDS.some(function (field) { return field in metadata[term]; });
    });
    return typed.every(function (word) {
      return !word.term && !word.last || names.some(function (term) {
        return (word.last && term.lastIndexOf(word.prefix, 0) === 0) || withinOneEdit(term, word.term) ||
          word.typos.indexOf(term) >= 0;
      });
    });
  }

  /* Whether two words differ by at most one letter added, removed, replaced or two swapped. */
  function withinOneEdit(a, b) {
    if (Math.abs(a.length - b.length) > 1) {
      return false;
    }
    var i = 0;
    while (i < a.length && a[i] === b[i]) { i++; }
    if (i >= Math.min(a.length, b.length)) {
      return true;
    }
    return a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1) ||
      (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  }

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

  /* For tests and benchmarks: in one language, the index terms the browser makes of a text, the
     index as lunr serializes it, and the URLs of every result of a query, best first. */
  window.siteSearch = {
    terms: function (lang, text) {
      return searcherFor(boxes[0], lang).then(function (searcher) {
        return words(text).map(function (word) { return searcher.term(word); }).filter(Boolean);
      });
    },
    index: function (lang) {
      return searcherFor(boxes[0], lang).then(function (searcher) {
        var json = searcher.index.toJSON();
        json.invertedIndex.forEach(function (entry) {  // its fields are read on demand: copy them
          entry[1] = searcher.index.fields.reduce(function (posting, field) {
            posting[field] = entry[1][field];
            return posting;
          }, { _index: entry[1]._index });
        });
        return json;
      });
    },
    urls: function (lang, text) {
      return searcherFor(boxes[0], lang).then(function (searcher) {
        return searcher.search(text).map(function (result) { return result.url; });
      });
    }
  };
}());
