/*
 * Graph explorer: one product's neighbourhood drawn with Cytoscape.js, fed only by the public GraphQL API (/graphql).
 *
 * Everything shown comes from the catalogue, and product names and values are user input: the DOM is only ever
 * written with textContent / createElement (never innerHTML), and Cytoscape draws labels as canvas text.
 * The page's state is published on <body data-state=…> and window.kgExplorer for the browser test.
 */
'use strict';

(() => {
  const GRAPHQL = '/graphql';
  // Same rule as the gateway's product ids (dev.kggateway.domain.Ids): only then is an id lookup worth asking.
  const PRODUCT_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
  const SEARCH_SIZE = 20;
  const LABEL_MAX = 48;
  const MAX_FIT_ZOOM = 1.2;

  const NEIGHBOURHOOD = `query ExploreProduct($id: ID!, $first: Int!, $metric: SimilarityMetric!) {
  product(id: $id) {
    id name manufacturer price currency
    properties { type value source confidence modelVersion property { id productCount } }
    similarProducts(first: $first, metric: $metric) {
      score sharedCount
      product { id name manufacturer }
      shared { id type value }
    }
  }
}`;
  const SEARCH_TEXT = `query ExploreSearch($text: String!, $first: Int!) {
  products(filter: { text: $text }, first: $first) { totalCount edges { node { id name manufacturer } } }
}`;
  const SEARCH_ID_AND_TEXT = `query ExploreSearchId($id: ID!, $text: String!, $first: Int!) {
  byId: product(id: $id) { id name manufacturer }
  products(filter: { text: $text }, first: $first) { totalCount edges { node { id name manufacturer } } }
}`;

  // Qualitative palette (Tableau 20 without the greys); types get colours in sorted order, so the types on one
  // page are told apart as long as there are at most this many.
  // The yellows are left out: yellow is the halo of shared nodes.
  const PALETTE = ['#4e79a7', '#f28e2b', '#59a14f', '#e15759', '#76b7b2', '#b07aa1', '#ff9da7', '#9c755f',
    '#a0cbe8', '#ffbe7d', '#8cd17d', '#86bcb6', '#ff9d9a', '#d4a6c8', '#fabfd2', '#d7b5a6'];

  const $ = (id) => document.getElementById(id);
  let cy = null;
  let requestSeq = 0;
  let current = null;

  /** A link to a product's neighbourhood: opens in place, or in a new tab like any link. */
  function productLink(id, text) {
    const a = el('a', { href: '?id=' + encodeURIComponent(id), 'data-id': id }, text);
    a.addEventListener('click', (e) => {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey) return;
      e.preventDefault();
      explore(id, true);
    });
    return a;
  }

  /** createElement with text children only: strings become text nodes, never markup. */
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'className') e.className = v;
      else e.setAttribute(k, v);
    }
    for (const c of children) {
      if (c !== null && c !== undefined) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return e;
  }

  function setState(state, message) {
    document.body.dataset.state = state;
    if (message !== undefined) $('status').textContent = message;
  }

  function shorten(text) {
    const s = String(text ?? '');
    return s.length > LABEL_MAX ? s.slice(0, LABEL_MAX - 1) + '…' : s;
  }

  class GraphQlError extends Error {
    constructor(errors) {
      super(errors.map((e) => (e.extensions && e.extensions.code ? e.extensions.code + ': ' : '') + e.message).join('; '));
      this.codes = errors.map((e) => e.extensions && e.extensions.code);
    }
  }

  async function graphql(query, variables) {
    const headers = { 'Content-Type': 'application/json', 'Accept': 'application/json' };
    const key = $('api-key').value;
    if (key) headers['X-API-Key'] = key;
    const response = await fetch(GRAPHQL, {
      method: 'POST', headers, body: JSON.stringify({ query, variables }), credentials: 'same-origin',
    });
    let body;
    try {
      body = await response.json();
    } catch (e) {
      throw new Error('HTTP ' + response.status + ' from ' + GRAPHQL);
    }
    if (body.errors && body.errors.length) throw new GraphQlError(body.errors);
    if (!response.ok) throw new Error('HTTP ' + response.status + ' from ' + GRAPHQL);
    return body.data;
  }

  // ---------------------------------------------------------------- search

  async function search(text) {
    const q = text.trim();
    if (!q) return;
    const seq = ++requestSeq;
    setState('loading', 'Searching…');
    try {
      const byId = PRODUCT_ID.test(q);
      const data = byId
        ? await graphql(SEARCH_ID_AND_TEXT, { id: q, text: q, first: SEARCH_SIZE })
        : await graphql(SEARCH_TEXT, { text: q, first: SEARCH_SIZE });
      if (seq !== requestSeq) return;
      const hits = data.products.edges.map((e) => e.node);
      if (data.byId && !hits.some((h) => h.id === data.byId.id)) hits.unshift(data.byId);
      showSearchResults(q, hits, data.products.totalCount);
      if (data.byId) {
        await explore(data.byId.id, true);
      } else if (hits.length === 1) {
        await explore(hits[0].id, true);
      } else {
        setState(hits.length ? 'results' : 'empty', hits.length ? 'Pick a product from the results.' : 'No product matches.');
      }
    } catch (e) {
      if (seq === requestSeq) setState('error', 'Search failed: ' + e.message);
    }
  }

  function showSearchResults(q, hits, total) {
    const list = $('search-list');
    list.replaceChildren(...hits.map((h) => el('li', null,
      productLink(h.id, h.name),
      ' ', el('span', { className: 'muted' }, h.id + (h.manufacturer ? ' · ' + h.manufacturer : '')))));
    $('search-summary').textContent = total > hits.length
      ? `${total} products match "${q}"; the first ${hits.length} are listed.`
      : `${hits.length} product(s) match "${q}".`;
    $('search-results').hidden = false;
  }

  // ---------------------------------------------------------------- neighbourhood

  async function explore(id, push) {
    const seq = ++requestSeq;
    setState('loading', 'Loading ' + id + '…');
    try {
      const first = Number($('first').value);
      const metric = $('metric').value;
      const data = await graphql(NEIGHBOURHOOD, { id, first, metric });
      if (seq !== requestSeq) return;
      if (push) {
        const url = new URL(window.location.href);
        url.searchParams.set('id', id);
        url.searchParams.delete('q');
        window.history.pushState({ id }, '', url);
      }
      if (!data.product) {
        clearProduct();
        setState('empty', 'No product with id ' + id + '.');
        return;
      }
      current = data.product;
      $('search').value = current.id;
      showProduct(current);
      await draw(current);
      if (seq !== requestSeq) return;
      const similar = current.similarProducts.length;
      setState('ready', `${current.properties.length} property nodes, ${similar} similar product(s). `
        + 'Click a node for its details; a similar product\'s name (or a double click on it) explores it.');
    } catch (e) {
      if (seq === requestSeq) setState('error', 'Could not load ' + id + ': ' + e.message);
    }
  }

  function clearProduct() {
    current = null;
    if (cy) cy.elements().remove();
    for (const s of ['product', 'selection', 'legend', 'similar']) $(s).hidden = true;
  }

  function typeColours(product) {
    const types = [...new Set(product.properties.map((p) => p.type)
      .concat(product.similarProducts.flatMap((s) => s.shared.map((n) => n.type))))].sort();
    return new Map(types.map((t, i) => [t, PALETTE[i % PALETTE.length]]));
  }

  function facts(dl, rows) {
    dl.replaceChildren(...rows.filter(([, v]) => v !== null && v !== undefined && v !== '')
      .flatMap(([k, v]) => [el('dt', null, k), el('dd', null, v)]));
  }

  function showProduct(product) {
    const colours = typeColours(product);
    $('product-name').textContent = product.name;
    facts($('product-facts'), [
      ['id', product.id],
      ['manufacturer', product.manufacturer],
      ['price', product.price === null ? null : product.price + (product.currency ? ' ' + product.currency : '')],
      ['properties', product.properties.length],
    ]);
    $('product').hidden = false;
    $('selection').hidden = true;

    $('legend-types').replaceChildren(...[...colours].map(([type, colour]) => {
      const swatch = el('span', { className: 'swatch' });
      swatch.style.backgroundColor = colour; // CSSOM, not a style attribute: allowed by the CSP
      return el('li', { 'data-type': type }, swatch, type);
    }));
    $('legend').hidden = colours.size === 0;

    $('similar-list').replaceChildren(...product.similarProducts.map((s) => el('li', { 'data-id': s.product.id },
      productLink(s.product.id, s.product.name),
      el('div', { className: 'muted' }, `${s.product.id} · score ${formatScore(s.score)} · shares `
        + s.shared.map((n) => n.type + ': ' + n.value).join(', ')))));
    if (product.similarProducts.length === 0) {
      $('similar-list').replaceChildren(el('li', { className: 'muted' }, 'No product shares two or more property nodes.'));
    }
    $('similar').hidden = false;
  }

  function formatScore(score) {
    return Number.isInteger(score) ? String(score) : score.toFixed(3);
  }

  function elements(product) {
    const colours = typeColours(product);
    const focusId = 'product:' + product.id;
    const nodes = new Map();
    const edges = [];
    const sharedBy = new Map();
    for (const s of product.similarProducts) {
      for (const n of s.shared) {
        if (!sharedBy.has(n.id)) sharedBy.set(n.id, []);
        sharedBy.get(n.id).push(s.product.id);
      }
    }
    nodes.set(focusId, { group: 'nodes', classes: 'product focus',
      data: { id: focusId, kind: 'product', productId: product.id, name: product.name, label: shorten(product.name) } });
    for (const p of product.properties) {
      const id = 'property:' + p.property.id;
      nodes.set(id, { group: 'nodes', classes: 'property' + (sharedBy.has(p.property.id) ? ' shared' : ''),
        data: { id, kind: 'property', propertyId: p.property.id, type: p.type, value: p.value, provenance: p.source,
          confidence: p.confidence, modelVersion: p.modelVersion, productCount: p.property.productCount,
          color: colours.get(p.type), shared: sharedBy.has(p.property.id), sharedWith: sharedBy.get(p.property.id) || [],
          label: shorten(p.type + ': ' + p.value) } });
      edges.push({ group: 'edges', classes: 'has',
        data: { id: 'has:' + p.property.id, source: focusId, target: id, provenance: p.source } });
    }
    for (const s of product.similarProducts) {
      const sid = 'product:' + s.product.id;
      nodes.set(sid, { group: 'nodes', classes: 'product similar',
        data: { id: sid, kind: 'similar', productId: s.product.id, name: s.product.name, score: s.score,
          sharedCount: s.sharedCount, label: shorten(s.product.name) + '\nscore ' + formatScore(s.score) } });
      for (const n of s.shared) {
        const pid = 'property:' + n.id;
        if (!nodes.has(pid)) {
          // Only if the product changed between the two parts of the answer: still draw what was shared.
          nodes.set(pid, { group: 'nodes', classes: 'property shared',
            data: { id: pid, kind: 'property', propertyId: n.id, type: n.type, value: n.value, provenance: null,
              color: colours.get(n.type), shared: true, sharedWith: sharedBy.get(n.id), label: shorten(n.type + ': ' + n.value) } });
        }
        edges.push({ group: 'edges', classes: 'shares',
          data: { id: 'shares:' + s.product.id + ':' + n.id, source: sid, target: pid } });
      }
    }
    return [...nodes.values(), ...edges];
  }

  const STYLE = [
    { selector: 'node', style: {
      'label': 'data(label)', 'font-size': 10, 'text-wrap': 'wrap', 'text-max-width': 140, 'color': '#1f2937',
      'text-valign': 'bottom', 'text-margin-y': 4, 'text-outline-color': '#ffffff', 'text-outline-width': 2 } },
    { selector: 'node.product', style: { 'shape': 'round-rectangle', 'width': 34, 'height': 34 } },
    { selector: 'node.focus', style: { 'background-color': '#0f172a', 'width': 48, 'height': 48, 'font-size': 12,
      'font-weight': 'bold' } },
    { selector: 'node.similar', style: { 'background-color': '#94a3b8', 'border-width': 2, 'border-color': '#475569' } },
    { selector: 'node.property', style: { 'background-color': 'data(color)', 'width': 26, 'height': 26,
      'border-width': 3, 'border-color': '#94a3b8' } },
    { selector: 'node.property[provenance = "VENDOR"]', style: { 'border-style': 'solid', 'border-color': '#1e293b' } },
    { selector: 'node.property[provenance = "NER"]', style: { 'border-style': 'dashed', 'border-color': '#c2410c' } },
    { selector: 'node.shared', style: { 'underlay-color': '#facc15', 'underlay-padding': 7, 'underlay-opacity': 0.75,
      'underlay-shape': 'ellipse' } },
    { selector: 'edge', style: { 'width': 1.5, 'line-color': '#94a3b8', 'curve-style': 'straight' } },
    { selector: 'edge.has[provenance = "VENDOR"]', style: { 'line-color': '#334155' } },
    { selector: 'edge.has[provenance = "NER"]', style: { 'line-style': 'dashed', 'line-color': '#c2410c' } },
    { selector: 'edge.shares', style: { 'line-color': '#eab308', 'width': 2.5 } },
    { selector: ':selected', style: { 'overlay-color': '#2563eb', 'overlay-opacity': 0.25, 'overlay-padding': 6 } },
  ];

  function draw(product) {
    if (!cy) {
      cy = window.cytoscape({ container: $('graph'), style: STYLE, minZoom: 0.2, maxZoom: 4, wheelSensitivity: 0.3 });
      cy.on('tap', 'node', (evt) => select(evt.target));
      cy.on('dbltap', 'node[kind = "similar"]', (evt) => explore(evt.target.data('productId'), true));
    }
    cy.elements().remove();
    cy.add(elements(product));
    // Concentric rings: the product, its property nodes, then the similar products around what they share.
    const layout = cy.layout({ name: 'concentric', animate: false, fit: true, padding: 40, minNodeSpacing: 60,
      concentric: (n) => ({ product: 3, property: 2, similar: 1 }[n.data('kind')]), levelWidth: () => 1 });
    const done = new Promise((resolve) => layout.one('layoutstop', () => {
      // A small neighbourhood fitted to the pane would be drawn huge: keep it at a readable size.
      if (cy.zoom() > MAX_FIT_ZOOM) {
        cy.zoom(MAX_FIT_ZOOM);
        cy.center();
      }
      resolve();
    }));
    layout.run();
    return done;
  }

  function select(node) {
    const d = node.data();
    let rows;
    if (d.kind === 'property') {
      rows = [['type', d.type], ['value', d.value], ['source', d.provenance], ['confidence',
        d.confidence === null || d.confidence === undefined ? null : d.confidence.toFixed(3)],
        ['model', d.modelVersion], ['products', d.productCount],
        ['shared with', (d.sharedWith || []).join(', ')]];
    } else {
      rows = [['product', d.name], ['id', d.productId], ['score', d.score === undefined ? null : formatScore(d.score)],
        ['shared nodes', d.sharedCount]];
    }
    facts($('selection-facts'), rows);
    if (d.kind === 'similar') {
      const dd = el('dd', null, productLink(d.productId, 'Explore this product'));
      $('selection-facts').append(el('dt', null, ''), dd);
    }
    $('selection').hidden = false;
  }

  // ---------------------------------------------------------------- start

  function fromUrl() {
    const params = new URLSearchParams(window.location.search);
    const id = params.get('id');
    const q = params.get('q');
    if (id) {
      $('search').value = id;
      explore(id, false);
    } else if (q) {
      $('search').value = q;
      search(q);
    } else {
      setState('idle');
    }
  }

  window.kgExplorer = { cy: () => cy, product: () => current, explore: (id) => explore(id, true), search };

  $('search-form').addEventListener('submit', (e) => {
    e.preventDefault();
    search($('search').value);
  });
  for (const id of ['first', 'metric']) {
    $(id).addEventListener('change', () => { if (current) explore(current.id, false); });
  }
  window.addEventListener('popstate', fromUrl);
  if (typeof window.cytoscape !== 'function') {
    setState('error', 'The graph library (Cytoscape.js) did not load.');
    return;
  }
  fromUrl();
})();
