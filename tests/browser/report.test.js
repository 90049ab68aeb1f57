// Loads a concur compare HTML report in headless Chromium (Debian's
// /usr/bin/chromium, driven by playwright-core) and checks what a reader
// sees: the highlights and the fact table link both ways, the filters hide
// and show, hostile document text stays text. Saves a screenshot.
//
// usage: node report.test.js REPORT.html FACTS.jsonl SCREENSHOT.png [hostile]
// Prints "ok - ..." / "not ok - ..." lines.
'use strict';
const fs = require('fs');
const path = require('path');
const { chromium } = require('playwright-core');

const [report, factsFile, shot, mode] = process.argv.slice(2);
const facts = fs.readFileSync(factsFile, 'utf8').split('\n').filter(Boolean).map(JSON.parse);
const name = path.basename(report);
let failed = 0;
function check(ok, what, detail) {
  if (ok) console.log(`ok - browser ${name}: ${what}`);
  else { failed++; console.log(`not ok - browser ${name}: ${what}${detail ? ': ' + detail : ''}`); }
}

(async () => {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking',
           '--disable-component-update', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const dialogs = [];
  page.on('dialog', async d => { dialogs.push(d.message()); await d.dismiss(); });
  const requests = [];
  page.on('request', r => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
  await page.goto('file://' + path.resolve(report));
  await page.waitForLoadState('load');

  // the fact table: one row per fact, in order, with the verdict
  const rows = await page.$$eval('tr.fact', trs => trs.map(t => ({ id: t.id, verdict: t.dataset.verdict,
    category: t.dataset.category, text: t.innerText })));
  check(rows.length === facts.length, `${facts.length} fact rows`, `got ${rows.length}`);
  check(rows.every((r, i) => facts[i] && r.id === facts[i].fact && r.verdict === facts[i].verdict),
        'rows carry the facts and verdicts of the JSON output');

  // every source in the table links to a highlight in its document, and
  // every highlight links back to its fact row
  const links = await page.$$eval('a.src', as => as.map(a => a.getAttribute('href')));
  const nsrc = facts.reduce((n, f) => n + f.sources.length, 0);
  check(links.length === nsrc, `${nsrc} source links`, `got ${links.length}`);
  const missing = await page.evaluate(ls => ls.filter(h => !document.getElementById(h.slice(1))), links);
  check(missing.length === 0, 'each source link reaches its highlighted words', missing.join(' '));
  const marks = await page.$$eval('mark.claim', ms => ms.map(m => ({ id: m.id, fact: m.dataset.fact,
    text: m.textContent, back: m.nextElementSibling && m.nextElementSibling.getAttribute('href') })));
  const rowIds = new Set(rows.map(r => r.id));
  check(marks.length > 0 && marks.every(m => rowIds.has(m.fact) && m.back === '#' + m.fact),
        `${marks.length} highlights, each linked to its fact row`);
  // the highlighted words are the source text of the JSON output
  const byId = new Map(marks.map(m => [m.id, m.text]));
  let textOk = 0, textN = 0;
  const docNames = await page.$$eval('article.doc h2', hs => hs.map(h => h.textContent.replace(/^\[\d+\] /, '')));
  for (const f of facts) for (const s of f.sources) {
    const text = byId.get(`d${docNames.indexOf(s.doc) + 1}-${s.id}`);
    if (text === undefined) continue;   // nested in, or crossing, another highlight
    textN++;
    if (text.replace(/\s+/g, ' ').startsWith(s.text.replace(/\s+/g, ' '))) textOk++;
  }
  check(textN > 0 && textOk === textN, 'highlighted words are the sources\' words', `${textOk}/${textN}`);

  // clicking a source scrolls to its highlight (it becomes the :target)
  if (links.length) {
    await page.click('a.src >> nth=0');
    const target = await page.evaluate(() => location.hash);
    check(target === links[0], 'clicking a source goes to its words', target);
  }

  // filters: hide agreeing facts, then one category
  const verdicts = [...new Set(rows.map(r => r.verdict))];
  const v = verdicts[0];
  await page.uncheck(`#filters input[value="${v}"]`);
  const hidden = await page.$$eval('tr.fact', trs => trs.filter(t => getComputedStyle(t).display === 'none')
    .map(t => t.dataset.verdict));
  check(hidden.length === rows.filter(r => r.verdict === v).length && hidden.every(x => x === v),
        `unticking "${v}" hides exactly its ${hidden.length} rows`);
  const dim = await page.$$eval('mark.claim.off', ms => ms.map(m => m.dataset.verdict));
  check(dim.every(x => x === v) && dim.length === marks.filter(m => rows.find(r => r.id === m.fact).verdict === v).length,
        `and un-highlights their ${dim.length} words (the text stays)`);
  await page.check(`#filters input[value="${v}"]`);
  const cat = rows[rows.length - 1].category;
  await page.selectOption('#fcat', cat);
  const shown = await page.$$eval('tr.fact', trs => trs.filter(t => getComputedStyle(t).display !== 'none')
    .map(t => t.dataset.category));
  check(shown.length === rows.filter(r => r.category === cat).length && shown.every(x => x === cat),
        `category "${cat}" shows only its ${shown.length} rows`);
  await page.selectOption('#fcat', '');

  // print: filters hidden, documents one after another
  await page.emulateMedia({ media: 'print' });
  const printFilters = await page.$eval('#filters', e => getComputedStyle(e).display);
  check(printFilters === 'none', 'print hides the filters');
  await page.emulateMedia({ media: 'screen' });

  // nothing from the documents runs or loads
  const scripts = await page.$$eval('script', s => s.length);
  check(scripts === 1, 'one script element (the report\'s own)', `${scripts}`);
  check(dialogs.length === 0, 'no dialog opened', dialogs.join(' | '));
  check(requests.length === 0, 'no network request', requests.join(' '));
  if (mode === 'hostile') {
    const imgs = await page.$$eval('img', s => s.length);
    check(imgs === 0, 'no img element from document text', `${imgs}`);
    const onAttrs = await page.evaluate(() => [...document.querySelectorAll('*')]
      .flatMap(e => [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)));
    check(onAttrs.length === 0, 'no on* attribute anywhere', onAttrs.join(' '));
    const text = await page.$eval('#docs', e => e.textContent);
    check(text.includes('<script>alert("x")</script>') && text.includes('onerror=alert(4)'),
          'hostile markup is shown as text');
    check((await page.title()) === 'concur compare', 'the title is the report\'s');
  }
  await page.screenshot({ path: shot, fullPage: true });
  console.log(`# screenshot ${shot}`);
  await browser.close();
  process.exit(failed ? 1 : 0);
})().catch(e => { console.log(`not ok - browser ${name}: ${e.message.split('\n')[0]}`); process.exit(1); });
