#!/usr/bin/env node
// bench/peers/driver.js -- run one npm peer over concur's JSON Lines input
// ({"id","text","date"} per line) and write concur's JSON Lines output
// contract (doc, id, kind, start/end UTF-8 byte offsets, text, value/min/max/
// unit or timex {type,value,mod}), so the scorers in ../shared/tools/eval
// score peers and concur alike.
//   usage: driver.js chrono|recognizers|compromise extract --input jsonl
//          --format jsonl [--kinds K] FILE
// Recognizers-Text is fed one sentence at a time (much faster than whole
// documents). PEER_TIME_LIMIT=S stops reading after S seconds; the bytes
// of input processed are printed on stderr as "peer-bytes N".
'use strict';
const fs = require('fs');
const readline = require('readline');

const peer = process.argv[2];
const args = process.argv.slice(3);
let kinds = null, file = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--kinds') kinds = args[++i];
  else if (args[i] === '--input' || args[i] === '--format') i++;
  else if (args[i] !== 'extract') file = args[i];
}
const want = new Set((kinds || 'number,quantity,count,date').split(','));
const wantNum = want.has('number'), wantQty = want.has('quantity'), wantDate = want.has('date');
const limit = parseFloat(process.env.PEER_TIME_LIMIT || '0');
const t0 = Date.now();
const pad = (n, w) => String(n).padStart(w || 2, '0');
const out = [];
function flush() { if (out.length) { process.stdout.write(out.join('')); out.length = 0; } }

function refDate(d) {
  if (d && /^\d{4}-\d{2}-\d{2}/.test(d)) return new Date(d.slice(0, 10) + 'T12:00:00');
  return new Date();
}

// character (UTF-16) offsets -> UTF-8 byte offsets
function byteOff(text, i) { return Buffer.byteLength(text.slice(0, i), 'utf8'); }

let serial = 0;
function emit(doc, text, s, e, kind, extra) {
  const m = Object.assign({ doc, id: 'p' + (++serial), kind, start: byteOff(text, s),
    end: byteOff(text, e), text: text.slice(s, e) }, extra);
  out.push(JSON.stringify(m) + '\n');
}

// ---------------------------------------------------------------- chrono
let chrono;
function runChrono(doc, text, ref) {
  if (!wantDate) return;
  for (const r of chrono.parse(text, ref)) {
    const c = r.start;
    let v = pad(c.get('year'), 4);
    if (c.isCertain('month') || c.isCertain('day') || c.isCertain('weekday')) v += '-' + pad(c.get('month'));
    if (c.isCertain('day') || c.isCertain('weekday')) v += '-' + pad(c.get('day'));
    let type = 'DATE';
    if (c.isCertain('hour')) { v += 'T' + pad(c.get('hour')) + ':' + pad(c.get('minute')); type = 'TIME'; }
    emit(doc, text, r.index, r.index + r.text.length, 'date', { timex: { type, value: v, mod: null } });
  }
}

// ---------------------------------------------------------- recognizers
let RT, models = [];
function initRT() {
  RT = require('@microsoft/recognizers-text-suite');
  const E = RT.Culture.English;
  const N = require('@microsoft/recognizers-text-number');
  const U = require('@microsoft/recognizers-text-number-with-unit');
  const D = require('@microsoft/recognizers-text-date-time');
  if (wantNum) {
    const nr = new N.NumberRecognizer(E);
    models.push(['number', nr.getPercentageModel(E)], ['number', nr.getOrdinalModel(E)],
                ['number', nr.getNumberModel(E)]);
  }
  if (wantQty) {
    const ur = new U.NumberWithUnitRecognizer(E);
    models.push(['quantity', ur.getAgeModel(E)], ['quantity', ur.getCurrencyModel(E)],
                ['quantity', ur.getDimensionModel(E)], ['quantity', ur.getTemperatureModel(E)]);
  }
  if (wantDate) models.push(['date', new D.DateTimeRecognizer(E).getDateTimeModel(E)]);
}
// sentences: split after . ! ? followed by space, and at newlines
const SENT = /[^\n.!?]*(?:[.!?]+(?=\s|$)|\n|$)|[^\n]+/g;
function runRT(doc, text, ref) {
  SENT.lastIndex = 0;
  let m;
  while ((m = SENT.exec(text)) !== null) {
    if (m[0].length === 0) { SENT.lastIndex++; if (SENT.lastIndex > text.length) break; continue; }
    const off = m.index, sent = m[0];
    if (!/\S/.test(sent)) continue;
    // all models' results; of overlapping results of one kind keep the
    // longest (the first model's on a tie), as the suite's own callers do
    const all = [];
    for (const [kind, model] of models) {
      let rs;
      try { rs = kind === 'date' ? model.parse(sent, ref) : model.parse(sent); } catch (e) { continue; }
      for (const r of rs) all.push([kind, r, all.length]);
    }
    all.sort((a, b) => (b[1].end - b[1].start) - (a[1].end - a[1].start) || a[2] - b[2]);
    const kept = [];
    for (const x of all) {
      if (kept.some(y => y[0] === x[0] && y[1].start <= x[1].end && x[1].start <= y[1].end)) continue;
      kept.push(x);
    }
    kept.sort((a, b) => a[1].start - b[1].start);
    {
      for (const [kind, r] of kept) {
        const s = off + r.start, e = off + r.end + 1, res = r.resolution || {};
        if (kind === 'date') {
          const vs = res.values || [];
          if (!vs.length) continue;
          const v = vs[0];
          // an ambiguous year (XXXX-10-30): take the first resolution's year
          let tv = String(v.timex || '');
          if (/^XXXX/.test(tv) && /^\d{4}/.test(String(v.value || v.start || ''))) tv = String(v.value || v.start).slice(0, 4) + tv.slice(4);
          emit(doc, text, s, e, 'date', { timex: { type: String(v.type || '').toUpperCase(),
            value: tv, mod: v.Mod || null } });
        } else if (kind === 'number') {
          let val = String(res.value == null ? '' : res.value);
          const extra = {};
          if (r.typeName === 'percentage') { val = val.replace('%', ''); extra.unit = 'percent'; }
          extra.value = Number(val);
          if (Number.isNaN(extra.value)) continue;
          emit(doc, text, s, e, 'number', extra);
        } else {
          const val = Number(res.value);
          if (res.value == null || Number.isNaN(val)) continue;
          emit(doc, text, s, e, 'quantity', { value: val, unit: res.unit || null });
        }
      }
    }
  }
}

// ----------------------------------------------------------- compromise
let nlp;
function runCompromise(doc, text, ref) {
  const d = nlp(text);
  if (wantNum || wantQty) {
    for (const x of d.numbers().json({ offset: true })) {
      const n = x.number || {};
      if (typeof n.num !== 'number') continue;
      const extra = { value: n.num };
      if (n.suffix === '%' || /percent/i.test(x.text)) extra.unit = 'percent';
      emit(doc, text, x.offset.start, x.offset.start + x.offset.length, 'number', extra);
    }
  }
  if (wantDate) {
    const today = ref.toISOString().slice(0, 10);
    for (const x of d.dates({ today }).json({ offset: true })) {
      const dt = x.dates || {};
      if (!dt.start) continue;
      const st = dt.start;
      let v, type = 'DATE';
      switch (dt.unit) {
        case 'year': v = st.slice(0, 4); break;
        case 'month': v = st.slice(0, 7); break;
        case 'week': v = st.slice(0, 10); break;
        case 'hour': case 'minute': case 'time': v = st.slice(0, 16); type = 'TIME'; break;
        default: v = st.slice(0, 10);
      }
      emit(doc, text, x.offset.start, x.offset.start + x.offset.length, 'date',
           { timex: { type, value: v, mod: null } });
    }
  }
}

// ----------------------------------------------------------------- main
let run;
if (peer === 'chrono') { chrono = require('chrono-node'); run = runChrono; }
else if (peer === 'recognizers') { initRT(); run = runRT; }
else if (peer === 'compromise') { nlp = require('compromise'); nlp.plugin(require('compromise-dates')); run = runCompromise; }
else { console.error('driver.js: unknown peer ' + peer); process.exit(2); }

let bytes = 0, stopped = false;
const rl = readline.createInterface({ input: file && file !== '-' ? fs.createReadStream(file) : process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => {
  if (stopped) return;
  if (limit && (Date.now() - t0) / 1000 > limit) { stopped = true; rl.close(); return; }
  bytes += Buffer.byteLength(line, 'utf8') + 1;
  if (!line.trim()) return;
  let d;
  try { d = JSON.parse(line); } catch (e) { return; }
  const text = String(d.text || '');
  try { run(String(d.id), text, refDate(d.date)); } catch (e) { /* a peer crash on one document */ }
  if (out.length > 256) flush();
});
rl.on('close', () => { flush(); process.stderr.write('peer-bytes ' + bytes + '\n'); });
