// Drives the graph explorer (/explore) in Chromium for ExplorerBrowserTest and prints what the page shows as one JSON
// object on stdout; the Java test makes the assertions. Screenshots go to the given folder.
//
// usage: node explore.mjs '{"baseUrl":"http://localhost:1234","hubId":"…","hostileId":"…","searchText":"…",
//                           "unknownId":"…","outDir":"…"}'
import { launch } from './chromium.mjs';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const args = JSON.parse(process.argv[2]);
const TIMEOUT = 30_000;
const out = { steps: {}, requests: [], consoleErrors: [], pageErrors: [], probeConsoleErrors: [] };
let probing = false; // the CSP probe's own refusal is expected on the console

// Page side: what the explorer shows, read from the DOM and from Cytoscape's own state.
function pageState() {
  const $ = (id) => document.getElementById(id);
  const cy = window.kgExplorer && window.kgExplorer.cy();
  const graph = $('graph').getBoundingClientRect();
  let painted = 0;
  let canvases = 0;
  for (const canvas of $('graph').querySelectorAll('canvas')) {
    canvases++;
    if (!canvas.width || !canvas.height) continue;
    const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
    for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) painted++;
  }
  return {
    url: window.location.pathname + window.location.search,
    state: document.body.dataset.state,
    status: $('status').textContent,
    productId: window.kgExplorer && window.kgExplorer.product() ? window.kgExplorer.product().id : null,
    title: $('product-name').textContent,
    titleChildElements: $('product-name').children.length,
    nodes: cy ? cy.nodes().map((n) => {
      const p = n.renderedPosition();
      return {
        id: n.id(), kind: n.data('kind'), productId: n.data('productId') || null, propertyId: n.data('propertyId') || null,
        type: n.data('type') || null, provenance: n.data('provenance') || null, label: n.data('label'),
        shared: n.hasClass('shared'), background: n.style('background-color'), borderStyle: n.style('border-style'),
        borderColor: n.style('border-color'), underlayOpacity: Number(n.style('underlay-opacity')),
        inView: p.x >= 0 && p.y >= 0 && p.x <= graph.width && p.y <= graph.height,
      };
    }) : [],
    edges: cy ? cy.edges().map((e) => ({
      source: e.source().id(), target: e.target().id(), kind: e.hasClass('shares') ? 'shares' : 'has',
      provenance: e.data('provenance') || null, lineStyle: e.style('line-style'),
    })) : [],
    similarList: [...document.querySelectorAll('#similar-list > li[data-id]')].map((li) => ({
      id: li.dataset.id, name: li.querySelector('a').textContent })),
    legendTypes: [...document.querySelectorAll('#legend-types > li')].map((li) => li.dataset.type),
    searchList: [...document.querySelectorAll('#search-list a')].map((b) => ({ id: b.dataset.id, name: b.textContent })),
    // Markup from the data would show up as elements; the page itself puts none of these in these places.
    injectedElements: document.querySelectorAll('#side img, #side script, #side svg, #side iframe, #status *, #graph-pane img').length,
    pwned: window.__kgPwned === undefined ? null : String(window.__kgPwned),
    violations: window.__kgViolations || [],
    canvases,
    paintedPixels: painted,
  };
}

async function settled(page, wanted) {
  await page.waitForFunction(
    (w) => document.body.dataset.state !== 'loading' && (!w || (window.kgExplorer.product() || {}).id === w),
    wanted, { timeout: TIMEOUT });
  // One frame for Cytoscape's canvas to be painted after the layout.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.evaluate(pageState);
}

const browser = await launch();
try {
  mkdirSync(args.outDir, { recursive: true });
  const page = await browser.context.newPage();
  // Before any page script: record CSP violations (the page must cause none).
  await page.addInitScript(() => {
    window.__kgViolations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__kgViolations.push({ directive: e.violatedDirective, blocked: e.blockedURI }));
  });
  page.on('request', (r) => out.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error') (probing ? out.probeConsoleErrors : out.consoleErrors).push(m.text());
  });
  page.on('pageerror', (e) => out.pageErrors.push(String(e)));

  // 1. A product's neighbourhood, opened by link (/explore without the slash redirects, keeping ?id=).
  const response = await page.goto(`${args.baseUrl}/explore?id=${encodeURIComponent(args.hubId)}`);
  out.steps.hub = await settled(page, args.hubId);
  out.steps.hub.csp = response.headers()['content-security-policy'] || null;
  await page.screenshot({ path: join(args.outDir, 'explore-hub.png') });

  // 2. Clicking a similar product in the list explores it: here the one whose name is markup.
  await page.click(`#similar-list > li[data-id="${args.hostileId}"] a`);
  out.steps.hostile = await settled(page, args.hostileId);
  await page.screenshot({ path: join(args.outDir, 'explore-hostile.png') });

  // 3. Search by name: a list of matches (rendered as text).
  await page.fill('#search', args.searchText);
  await page.press('#search', 'Enter');
  await page.waitForFunction(() => !document.getElementById('search-results').hidden
    && document.body.dataset.state !== 'loading', null, { timeout: TIMEOUT });
  out.steps.searchByName = await page.evaluate(pageState);
  await page.screenshot({ path: join(args.outDir, 'explore-search.png') });

  // 4. Search by id: opens the product.
  await page.fill('#search', args.hubId);
  await page.press('#search', 'Enter');
  out.steps.searchById = await settled(page, args.hubId);

  // 5. An id with no product, and one the API refuses.
  await page.goto(`${args.baseUrl}/explore/?id=${encodeURIComponent(args.unknownId)}`);
  out.steps.unknown = await settled(page, null);
  await page.goto(`${args.baseUrl}/explore/?id=${encodeURIComponent('not an id!')}`);
  out.steps.invalid = await settled(page, null);

  // 6. The Content-Security-Policy is enforced: an injected inline script does not run.
  probing = true;
  out.steps.cspProbe = await page.evaluate(async () => {
    const before = window.__kgViolations.length;
    const s = document.createElement('script');
    s.textContent = 'window.__kgInline = 1;';
    document.body.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return { inlineRan: window.__kgInline === 1, newViolations: window.__kgViolations.slice(before) };
  });
} catch (e) {
  out.failure = String(e && e.stack || e);
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(out) + '\n');
