/* Vietnamese full-text search over the sharded index under search/ (bantin.search).
   Folding, tokenising and query semantics follow scripts/bantin/search/{text,query}.py.
   Every value from the index or the query is inserted as text, never as markup. */
(function () {
  "use strict";

  var script = document.currentScript;
  // The script lives at assets/search/search.js: the site root is two folders up.
  var ROOT = new URL("../../", script ? script.src : document.baseURI);
  var INDEX = new URL("search/", ROOT);
  var WORD = /[\p{L}\p{N}]+/gu;
  var TOKEN = /[\p{L}\p{N}]+(?:[&\-./][\p{L}\p{N}]+)*/gu;
  var PHRASE = /["\u201c\u201d\u201e]([^"\u201c\u201d\u201e]*)(?:["\u201c\u201d\u201e]|$)/g;
  var FACETS = ["year", "issue", "section", "author"];
  var PREFIX_EXPANSIONS = 6;
  var PREFIX_WEIGHT = 0.5;
  var SATURATION = 1.2;
  var PAGE_SIZE = 10;
  var MAX_FRAGMENTS = 60;
  var DEBOUNCE_MS = 120;
  var ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

  /* ---- folding and query parsing (same rules as bantin/search/text.py) ---- */

  function fold(text) {
    return text.normalize("NFD").toLowerCase().replace(/\p{M}/gu, "").replace(/\u0111/g, "d");
  }

  function exact(text) {
    return text.normalize("NFC").toLowerCase();
  }

  function words(folded) {
    return folded.match(WORD) || [];
  }

  function unique(list) {
    var seen = [];
    list.forEach(function (item) {
      if (seen.indexOf(item) < 0) seen.push(item);
    });
    return seen;
  }

  function parseQuery(text, typing) {
    text = text.normalize("NFC");
    var query = { terms: [], phrases: [], exactWords: [], last: "" };
    var match;
    PHRASE.lastIndex = 0;
    while ((match = PHRASE.exec(text)) !== null) {
      if (match[0] === "") { PHRASE.lastIndex++; continue; }
      var sequence = words(fold(match[1]));
      if (sequence.length) {
        query.phrases.push(sequence);
        query.terms = unique(query.terms.concat(sequence));
      }
    }
    var rest = text.replace(PHRASE, " ");
    var bare = fold(rest).match(TOKEN) || [];
    query.terms = unique(query.terms.concat(bare));
    query.exactWords = unique((exact(text).match(WORD) || []).filter(function (w) {
      return fold(w) !== w;
    })).sort();
    if (typing && bare.length && /[\p{L}\p{N}]$/u.test(rest)) query.last = bare[bare.length - 1];
    return query;
  }

  /* ---- index files ---- */

  var CRC_TABLE = (function () {
    var table = [];
    for (var n = 0; n < 256; n++) {
      var c = n;
      for (var k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table.push(c >>> 0);
    }
    return table;
  })();

  function shardOf(key, count) {
    var bytes = new TextEncoder().encode(key);
    var crc = 0xffffffff;
    for (var i = 0; i < bytes.length; i++) crc = CRC_TABLE[(crc ^ bytes[i]) & 0xff] ^ (crc >>> 8);
    return ((crc ^ 0xffffffff) >>> 0) & (count - 1);
  }

  function decodeInts(text) {
    var values = [], value = 0, shift = 0;
    for (var i = 0; i < text.length; i++) {
      var digit = ALPHABET.indexOf(text[i]);
      value += (digit & 31) * Math.pow(2, shift);
      if (digit & 32) { shift += 5; } else { values.push(value); value = 0; shift = 0; }
    }
    return values;
  }

  function undelta(gaps) {
    var total = 0;
    return gaps.map(function (gap) { total += gap; return total; });
  }

  var files = new Map();

  function load(name) {
    if (!files.has(name)) {
      files.set(name, fetch(new URL(name, INDEX)).then(function (response) {
        if (response.status === 404) return null;
        if (!response.ok) throw new Error("search index: HTTP " + response.status + " for " + name);
        if (!/\.z$/.test(name)) return response.json();
        var inflated = response.body.pipeThrough(new DecompressionStream("deflate-raw"));
        return new Response(inflated).json();
      }));
    }
    return files.get(name);
  }

  function manifest() {
    return load("manifest.json");
  }

  function shard(part, key) {
    return manifest().then(function (m) {
      return load(part + "/" + shardOf(key, m.shards[part]) + ".z");
    }).then(function (content) { return content || {}; });
  }

  function postings(term) {
    return shard("t", term).then(function (content) {
      var found = new Map();
      var record = Object.prototype.hasOwnProperty.call(content, term) ? content[term] : null;
      if (!record) return found;
      var ids = undelta(decodeInts(record[0])), tfs = decodeInts(record[1]);
      ids.forEach(function (id, i) { found.set(id, tfs[i]); });
      return found;
    });
  }

  // Articles using an accented word exactly as written (keys "=" + word in the term shards).
  function accentedDocs(word) {
    var key = "=" + word;
    return shard("t", key).then(function (content) {
      var record = Object.prototype.hasOwnProperty.call(content, key) ? content[key] : null;
      return new Set(record ? undelta(decodeInts(record)) : []);
    });
  }

  function pairDocs(pair) {
    return shard("b", pair).then(function (content) {
      var record = Object.prototype.hasOwnProperty.call(content, pair) ? content[pair] : null;
      return new Set(record ? undelta(decodeInts(record)) : []);
    });
  }

  function completions(prefix) {
    var chars = Array.from(prefix);
    if (chars.length < 2) return Promise.resolve([prefix]);
    var key = chars.slice(0, 2).join("");
    return shard("p", key).then(function (content) {
      var rows = (Object.prototype.hasOwnProperty.call(content, key) ? content[key] : [])
        .filter(function (row) { return row[0] !== prefix && row[0].indexOf(prefix) === 0; });
      rows.sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
      return [prefix].concat(rows.slice(0, PREFIX_EXPANSIONS).map(function (row) { return row[0]; }));
    });
  }

  function fragment(doc) {
    return load("d/" + doc + ".z");
  }

  /* ---- candidates (same semantics as bantin/search/query.py) ---- */

  function idf(docs, df) {
    return Math.log(1 + (docs - df + 0.5) / (df + 0.5));
  }

  function termGroup(term, query, docs) {
    var expand = term === query.last ? completions(term) : Promise.resolve([term]);
    return expand.then(function (list) {
      return Promise.all(list.map(postings)).then(function (all) {
        var found = new Map();
        all.forEach(function (posting, number) {
          var weight = number === 0 ? 1 : PREFIX_WEIGHT;
          var rarity = idf(docs, posting.size);
          posting.forEach(function (tf, doc) {
            var gain = (weight * rarity * tf * (SATURATION + 1)) / (tf + SATURATION);
            found.set(doc, Math.max(found.get(doc) || 0, gain));
          });
        });
        return found;
      });
    });
  }

  function phraseDocs(query) {
    var pairs = [];
    query.phrases.forEach(function (phrase) {
      for (var i = 0; i + 1 < phrase.length; i++) pairs.push(phrase[i] + " " + phrase[i + 1]);
    });
    if (!pairs.length) return Promise.resolve(null);
    return Promise.all(pairs.map(pairDocs)).then(intersectSets);
  }

  function facetDocs(filters) {
    var terms = FACETS.filter(function (name) { return filters[name]; }).map(function (name) {
      return name + ":" + fold(filters[name]).trim();
    });
    if (!terms.length) return Promise.resolve(null);
    return Promise.all(terms.map(postings)).then(function (all) {
      return intersectSets(all.map(function (p) { return new Set(p.keys()); }));
    });
  }

  function intersectSets(sets) {
    return sets.reduce(function (left, right) {
      return new Set(Array.from(left).filter(function (doc) { return right.has(doc); }));
    });
  }

  function candidates(query, filters) {
    return manifest().then(function (m) {
      var groups = Promise.all(query.terms.map(function (t) { return termGroup(t, query, m.docs); }));
      var accented = Promise.all(query.exactWords.map(accentedDocs));
      return Promise.all([groups, phraseDocs(query), facetDocs(filters), accented]);
    }).then(function (parts) {
      var scores = null;
      parts[0].forEach(function (group) {
        if (scores === null) { scores = group; return; }
        var next = new Map();
        scores.forEach(function (score, doc) {
          if (group.has(doc)) next.set(doc, score + group.get(doc));
        });
        scores = next;
      });
      [parts[1], parts[2]].forEach(function (allowed) {
        if (allowed === null) return;
        var base = scores;
        if (base === null) {
          base = new Map();
          allowed.forEach(function (doc) { base.set(doc, 0); });
        }
        scores = new Map(Array.from(base).filter(function (item) { return allowed.has(item[0]); }));
      });
      if (scores === null) return [];
      // [doc, score, accented words as typed]: most exact first, then score, then newest.
      return Array.from(scores).map(function (item) {
        return [item[0], item[1], parts[3].filter(function (docs) { return docs.has(item[0]); }).length];
      }).sort(function (a, b) { return b[2] - a[2] || b[1] - a[1] || b[0] - a[0]; });
    });
  }

  function texts(frag) {
    return [["", frag.t]].concat(frag.p);
  }

  function hasPhrase(sequence, phrase) {
    outer: for (var i = 0; i + phrase.length <= sequence.length; i++) {
      for (var j = 0; j < phrase.length; j++) if (sequence[i + j] !== phrase[j]) continue outer;
      return true;
    }
    return false;
  }

  function verified(frag, query) {
    var sequences = texts(frag).map(function (pair) { return words(fold(pair[1])); });
    return query.phrases.every(function (phrase) {
      return sequences.some(function (seq) { return hasPhrase(seq, phrase); });
    });
  }

  // The block holding most query terms: its anchor, unless it is the title or the lead.
  function bestBlock(frag, query) {
    var best = { anchor: "", text: "", count: 0 };
    texts(frag).forEach(function (pair, position) {
      var present = words(fold(pair[1]));
      var count = query.terms.filter(function (t) {
        return present.some(function (w) { return w.indexOf(t) === 0; });
      }).length;
      if (count > best.count) best = { anchor: position > 1 ? pair[0] : "", text: pair[1], count: count };
    });
    return best;
  }

  /* Runs a query: the total number of candidates and the first `want` hits. `early`, when
     given, is called with the hits found so far, best first, each time the first ones are in
     (the best hit is shown while the fragments of the others are still on their way). */
  function search(text, filters, typing, want, early) {
    var query = parseQuery(text, typing);
    var filtered = FACETS.some(function (name) { return filters[name]; });
    if (!query.terms.length && !filtered) return Promise.resolve({ query: query, total: 0, hits: [] });
    return candidates(query, filters).then(function (found) {
      var progress = early && function (hits) { early({ query: query, hits: hits.slice(0, want) }); };
      return collect(found, query, want, progress).then(function (hits) {
        var total = query.phrases.length && hits.length < want ? hits.length : found.length;
        return { query: query, total: Math.max(total, hits.length), hits: hits };
      });
    });
  }

  function collect(found, query, want, progress) {
    var hits = [], start = 0;
    function take(item, frag) {
      if (!frag || (query.phrases.length && !verified(frag, query))) return false;
      var block = bestBlock(frag, query);
      hits.push({ doc: item[0], score: item[1], exact: item[2], frag: frag, block: block });
      return true;
    }
    function next() {
      if (hits.length >= want || start >= found.length || start >= MAX_FRAGMENTS + want) {
        return Promise.resolve(hits.slice(0, want));
      }
      var batch = found.slice(start, start + want - hits.length);
      start += batch.length;
      var frags = new Array(batch.length), arrived = new Array(batch.length).fill(false), taken = 0;
      return Promise.all(batch.map(function (item, i) {
        return fragment(item[0]).then(function (frag) {
          frags[i] = frag;
          arrived[i] = true;
          var grew = false;  // hits are taken in rank order, as far as the fragments are in
          while (taken < batch.length && arrived[taken]) {
            grew = take(batch[taken], frags[taken]) || grew;
            taken += 1;
          }
          if (grew && progress) progress(hits);
        });
      })).then(next);
    }
    return next();
  }

  /* ---- rendering: DOM nodes and text only ---- */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function hitURL(hit) {
    return new URL(hit.frag.u + (hit.block.anchor ? "#" + hit.block.anchor : ""), ROOT).href;
  }

  function matches(word, query) {
    var folded = fold(word);
    return query.terms.some(function (term) {
      return folded === term || (term === query.last && folded.indexOf(term) === 0) ||
        term.split(/[&\-./]/).indexOf(folded) >= 0;
    });
  }

  // A window of the text around its first match, with matched words in <mark>.
  function snippet(text, query, limit) {
    var tokens = [], match;
    WORD.lastIndex = 0;
    while ((match = WORD.exec(text)) !== null) tokens.push([match.index, match[0]]);
    var first = tokens.find(function (t) { return matches(t[1], query); });
    var start = first ? Math.max(0, first[0] - 80) : 0;
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + limit);
    if (end < text.length) end = text.lastIndexOf(" ", end) > start ? text.lastIndexOf(" ", end) : end;
    var out = el("p", "bantin-search__snippet");
    var at = start;
    if (start > 0) out.appendChild(document.createTextNode("… "));
    tokens.forEach(function (t) {
      if (t[0] < start || t[0] + t[1].length > end || !matches(t[1], query)) return;
      out.appendChild(document.createTextNode(text.slice(at, t[0])));
      out.appendChild(el("mark", "", t[1]));
      at = t[0] + t[1].length;
    });
    out.appendChild(document.createTextNode(text.slice(at, end)));
    if (end < text.length) out.appendChild(document.createTextNode(" …"));
    return out;
  }

  function resultItem(hit, query, withSnippet) {
    var item = el("li", "bantin-search__result");
    var link = el("a", "bantin-search__title", hit.frag.t);
    link.href = hitURL(hit);
    item.appendChild(link);
    var meta = [hit.frag.i, hit.frag.d, hit.frag.a.join(", "), hit.frag.s].filter(Boolean);
    item.appendChild(el("p", "bantin-search__meta", meta.join(" · ")));
    var text = hit.block.text && hit.block.text !== hit.frag.t ? hit.block.text
      : (hit.frag.p[0] ? hit.frag.p[0][1] : "");
    if (withSnippet && text) item.appendChild(snippet(text, query, 260));
    return item;
  }

  function statusText(result, shown, text) {
    var quoted = text.trim() ? " cho \u201c" + text.trim() + "\u201d" : "";
    if (!result.total) return "Không tìm thấy kết quả" + quoted + ".";
    return "Tìm thấy " + result.total + " kết quả" + quoted + (shown < result.total
      ? ", hiển thị " + shown + "." : ".");
  }

  // The first keystroke after a pause searches at once; a burst of typing waits for a pause.
  function debounce(fn, ms) {
    var timer = null, last = 0;
    return function () {
      var args = arguments, now = Date.now(), quiet = now - last > ms;
      last = now;
      clearTimeout(timer);
      if (quiet) fn.apply(null, args);
      else timer = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  /* ---- the search page ---- */

  function fillSelect(select, rows) {
    rows.forEach(function (row) {
      var option = el("option", "", row[1] + " (" + row[2] + ")");
      option.value = row[0];
      select.appendChild(option);
    });
  }

  function searchPage(root) {
    var form = root.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var results = document.getElementById("search-results");
    var status = document.getElementById("search-status");
    var more = document.getElementById("search-more");
    var controls = {};
    FACETS.forEach(function (name) { controls[name] = form.elements.namedItem(name); });
    var want = PAGE_SIZE, run = 0, typingMode = false;

    function filters() {
      var values = {};
      FACETS.forEach(function (name) { if (controls[name] && controls[name].value) values[name] = controls[name].value; });
      return values;
    }

    function updateURL() {
      var params = new URLSearchParams();
      if (input.value.trim()) params.set("q", input.value);
      var values = filters();
      FACETS.forEach(function (name) { if (values[name]) params.set(name, values[name]); });
      var query = params.toString();
      history.replaceState(null, "", location.pathname + (query ? "?" + query : ""));
    }

    function show(typing) {
      var mine = ++run, text = input.value;
      typingMode = typing;
      updateURL();
      root.setAttribute("aria-busy", "true");
      // A new query shows its best hits as they come; more hits of the same query wait for all.
      var early = want === PAGE_SIZE ? function (partial) {
        if (mine !== run) return;
        results.replaceChildren.apply(results, partial.hits.map(function (hit) {
          return resultItem(hit, partial.query, true);
        }));
      } : null;
      return search(text, filters(), typing, want, early).then(function (result) {
        if (mine !== run) return;
        // Shown early, the same hits are already there (hits only grow, best first).
        if (!early || results.children.length !== result.hits.length) {
          results.replaceChildren.apply(results, result.hits.map(function (hit) {
            return resultItem(hit, result.query, true);
          }));
        }
        var idle = !result.query.terms.length && !Object.keys(filters()).length;
        status.textContent = idle ? "" : statusText(result, result.hits.length, text);
        more.hidden = result.hits.length >= result.total || !result.hits.length;
      }).catch(function (error) {
        status.textContent = "Không tải được chỉ mục tìm kiếm.";
        throw error;
      }).finally(function () { root.removeAttribute("aria-busy"); });
    }

    var typed = debounce(function () { want = PAGE_SIZE; show(true); }, DEBOUNCE_MS);
    input.addEventListener("input", typed);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      want = PAGE_SIZE;
      show(false);
    });
    FACETS.forEach(function (name) {
      if (controls[name]) controls[name].addEventListener("change", function () { want = PAGE_SIZE; show(false); });
    });
    more.addEventListener("click", function () {
      var before = results.children.length;
      want += PAGE_SIZE;
      show(typingMode).then(function () {
        var link = results.children[before] && results.children[before].querySelector("a");
        if (link) link.focus();
      });
    });
    if (controls.author) {
      controls.author.addEventListener("focus", function () { authorList(controls.author); }, { once: true });
    }

    var params = new URLSearchParams(location.search);
    input.value = params.get("q") || "";
    manifest().then(function (m) {
      fillSelect(controls.year, m.facets.year);
      fillSelect(controls.issue, m.facets.issue);
      fillSelect(controls.section, m.facets.section);
      FACETS.forEach(function (name) { if (controls[name]) setControl(controls[name], params.get(name) || ""); });
      if (params.get("author")) authorList(controls.author);
      return show(false);
    }, function (error) {
      status.textContent = "Không tải được chỉ mục tìm kiếm.";
      throw error;
    });
  }

  // A select accepts a value as linked or as typed (accents and case do not matter).
  function setControl(control, value) {
    if (control.tagName !== "SELECT") { control.value = value; return; }
    var wanted = fold(value).trim();
    var option = Array.from(control.options).find(function (o) { return o.value === value || o.value === wanted; });
    control.value = option ? option.value : "";
  }

  function authorList(input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list || list.children.length) return;
    load("authors.z").then(function (rows) {
      (rows || []).forEach(function (row) {
        var option = el("option");
        option.value = row[1];
        list.appendChild(option);
      });
    });
  }

  /* ---- the header box: submits to the search page, shows instant results ---- */

  function headerBox(form) {
    var input = form.querySelector("input[name=q]");
    var panel = form.querySelector(".bantin-header-search__results");
    var status = panel.querySelector("[role=status]");
    var list = panel.querySelector("ul");
    var run = 0;

    function close() { panel.hidden = true; }

    var typed = debounce(function () {
      var mine = ++run, text = input.value;
      if (!text.trim()) { close(); return; }
      search(text, {}, true, 5).then(function (result) {
        if (mine !== run) return;
        list.replaceChildren.apply(list, result.hits.map(function (hit) {
          return resultItem(hit, result.query, false);
        }));
        status.textContent = statusText(result, result.hits.length, text);
        panel.hidden = false;
      });
    }, DEBOUNCE_MS);

    input.addEventListener("input", typed);
    form.addEventListener("keydown", function (event) {
      var links = Array.from(list.querySelectorAll("a"));
      var at = links.indexOf(document.activeElement);
      if (event.key === "Escape") { close(); input.focus(); }
      else if (event.key === "ArrowDown" && links.length) {
        event.preventDefault();
        links[Math.min(at + 1, links.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : links[at - 1]).focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) close();
    });
  }

  function start() {
    var page = document.getElementById("bantin-search");
    if (page) searchPage(page);
    document.querySelectorAll("form.bantin-header-search").forEach(headerBox);
  }

  window.bantinSearch = { fold: fold, parseQuery: parseQuery, search: search, shardOf: shardOf };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
