// The page of `policy serve`: plain JavaScript over the /v1 API, enhancing the page the server
// writes. The state lives in the address (?q=…&place=…&setting=…&lang=…, ?view=table,
// ?view=profile&rule=ID), so every answer is a link.
'use strict';

const $ = (id) => document.getElementById(id);

/** An element with attributes and children (strings become text: nothing is parsed as HTML). */
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') e.className = v; else e.setAttribute(k, v);
  }
  for (const c of children) {
    if (c !== null && c !== undefined) e.append(c instanceof Node ? c : String(c));
  }
  return e;
}

async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json();
  return { status: response.status, body };
}

function link(params) {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) query.set(k, v);
  // A language chosen with lang= stays chosen on the page's own links.
  const lang = new URLSearchParams(location.search).get('lang');
  if (lang && !query.has('lang')) query.set('lang', lang);
  const s = query.toString();
  return '/' + (s ? '?' + s : '');
}

function showView(view) {
  for (const name of ['ask', 'table', 'trends', 'profile']) {
    $('view-' + name).hidden = name !== view;
    $('nav-' + name).classList.toggle('current', name === view);
  }
  document.body.dataset.view = view;
}

// ---- the question ----

async function fillVocabulary() {
  const { body } = await getJson('/v1/vocabulary');
  const terms = new Set();
  for (const e of body.entries) {
    for (const lang of ['en', 'nl', 'fr', 'de']) {
      if (e.labels[lang]) terms.add(e.labels[lang]);
      for (const s of (e.synonyms && e.synonyms[lang]) || []) terms.add(s);
    }
  }
  $('terms').replaceChildren(...[...terms].sort().map((t) => el('option', { value: t })));
}

let placeRequest = 0;
async function suggestPlaces(event) {
  const prefix = event.target.value.trim();
  const mine = ++placeRequest;
  if (prefix.length < 2) return;
  let body;
  try {
    ({ body } = await getJson('/v1/places?prefix=' + encodeURIComponent(prefix)));
  } catch (e) {
    return; // suggestions only help: the form works without them, and asking shows a server that is down
  }
  if (mine !== placeRequest) return; // a later keystroke already asked
  const options = [];
  const kinds = JSON.parse($('places').dataset.kinds);
  const regions = JSON.parse($('places').dataset.regions);
  for (const p of body.places) {
    const kind = kinds[p.kind] || p.kind;
    const postcodes = p.postcodes && p.postcodes.length ? ', ' + p.postcodes.slice(0, 3).join(' ') : '';
    options.push(el('option', { value: p.name }, `${kind}, ${regions[p.region] || p.region}${postcodes}`));
    for (const a of p.aliases) options.push(el('option', { value: a }, `${p.name} (${kind})`));
  }
  $('places').replaceChildren(...options);
}

// ---- who does what ----

/** Folds case and accents, so that "reseau" finds "réseau". */
const folded = (text) => text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();

/** The table is written by the server; the script adds a filter of its rows, and says how many are shown. */
function filterTable() {
  const box = $('table-filter');
  if (!box || !$('table-filter-box').hidden) return; // set up once, also when Back comes to the table again
  const rows = [...$('who-table').tBodies[0].rows];
  const count = () => {
    const shown = rows.filter((r) => !r.hidden).length;
    $('table-count').textContent = $('table-count').dataset.words
      .replace('{shown}', shown).replace('{total}', rows.length);
  };
  box.addEventListener('input', () => {
    const wanted = folded(box.value.trim());
    for (const r of rows) r.hidden = wanted !== '' && !folded(r.textContent).includes(wanted);
    count();
  });
  count();
  $('table-filter-box').hidden = false;
}

// ---- trends ----

/** A template of the page's words with the window's years put in. */
const inWindow = (template, report) => template.replace('{from}', report.from).replace('{to}', report.to);

async function showTrends(params) {
  const span = new URLSearchParams();
  for (const k of ['from', 'to']) if (params.get(k)) span.set(k, params.get(k));
  // A window the report cannot have (the first year after the last): said in the page's words, the years offered again.
  const reversed = span.has('from') && span.has('to') && Number(span.get('from')) > Number(span.get('to'));
  // The report comes worded in the page's language: the series, the flags' details and the chart.
  const lang = document.documentElement.lang;
  span.set('lang', lang);
  let { status, body } = reversed ? { status: 400 } : await getJson('/v1/trends?' + span);
  const refused = status !== 200;
  if (refused) ({ body } = await getJson('/v1/trends?' + new URLSearchParams({ lang })));
  $('trend-error').hidden = !refused;
  $('trend-result').hidden = refused;
  const years = Object.keys(body.series[0].counts);
  for (const [id, value] of [['trend-from', refused ? params.get('from') : body.from], ['trend-to', refused ? params.get('to') : body.to]]) {
    $(id).replaceChildren(...years.map((y) => el('option', { value: y }, y)));
    $(id).value = String(value);
  }
  if (refused) return;
  const asked = new URLSearchParams({ from: body.from, to: body.to, lang });
  $('trend-chart').src = '/v1/trends/chart.png?' + asked;
  $('trend-csv').href = '/v1/trends.csv?' + asked;
  const number = (n) => n.toLocaleString(lang);
  const table = $('trend-table');
  table.tHead.replaceChildren(el('tr', {}, el('th', { scope: 'col' }, table.dataset.category),
    ...years.map((y) => el('th', { scope: 'col' }, y)), el('th', { scope: 'col' }, inWindow(table.dataset.index, body))));
  table.tBodies[0].replaceChildren(...body.series.map((s) => {
    const counts = Object.values(s.counts);
    const index = Math.round((100 * counts[counts.length - 1]) / counts[0]);
    return el('tr', {}, el('th', { scope: 'row' }, s.name), ...counts.map((c) => el('td', { class: 'number' }, number(c))),
      el('td', { class: 'number' }, number(index)));
  }));
  $('trend-source').textContent = inWindow($('trend-source').dataset.words, body);
  $('trend-flags').tBodies[0].replaceChildren(...body.flags.map((f) => el('tr', {},
    el('td', {}, el('span', { class: 'flag-code' }, f.code)), el('td', {}, f.series), el('td', {}, f.detail),
    el('td', {}, el('a', { href: link({ view: 'profile', rule: f.rule }) }, f.rule), ' ', el('span', { lang: 'en' }, f.title),
      el('span', { class: 'quote' }, $('trend-flags').dataset.words, ' ', el('q', { lang: 'en' }, f.source))))));
}

// ---- the profile, and a rule's sentence in it ----

async function showProfile(params) {
  const { body } = await getJson('/v1/profile');
  $('profile').replaceChildren(...body.sentences.map((s, i) => el('li', { id: 's-' + i }, s)));
  $('rule-box').hidden = true;
  const sentence = $('s-' + params.get('sentence'));
  if (sentence) {
    sentence.classList.add('highlight');
    sentence.scrollIntoView({ block: 'center' });
  }
  const id = params.get('rule');
  if (!id) return;
  const rule = await getJson('/v1/rules/' + encodeURIComponent(id));
  if (rule.status !== 200) {
    $('rule-title').textContent = $('rule-box').dataset.missing.replace('{rule}', id);
    $('rule-where').textContent = '';
    $('rule-note').textContent = '';
    $('rule-box').hidden = false;
    return;
  }
  const r = rule.body;
  $('rule-title').replaceChildren(`${r.id} `, el('span', { lang: 'en' }, r.title));
  // The rule's title, sentence and note are the rules' English; the labels are the page's words.
  const box = $('rule-box').dataset;
  $('rule-where').replaceChildren(`${r.file}:${r.line} `, box.says, ' ', el('q', { lang: 'en' }, r.source));
  $('rule-note').replaceChildren(...(r.note ? [box.note + ': ', el('span', { lang: 'en' }, r.note)] : []));
  $('rule-box').hidden = false;
  for (const i of r.profile_sentences) $('s-' + i).classList.add('highlight');
  if (r.profile_sentences.length) $('s-' + r.profile_sentences[0]).scrollIntoView({ block: 'center' });
}

// ---- asking without leaving the page ----

/** The first heading of what the answer region shows: where focus goes once an answer is in. */
function answerHeading() {
  return [...$('answer-region').querySelectorAll('h2[tabindex]')].find((h) => !h.closest('[hidden]'));
}

function focusAnswer() {
  const heading = answerHeading();
  if (heading) heading.focus();
}

/**
 * Asks the server for the page at `url` (it writes the answer, in its language) and puts its
 * answer in place of the one shown; the region is aria-live, and focus moves to the new heading.
 * A page in another language is loaded whole, as all its labels change.
 */
async function ask(url, push) {
  document.body.dataset.ready = 'false';
  let page;
  try {
    const response = await fetch(url, { headers: { Accept: 'text/html' } });
    if (!response.ok) throw new Error(String(response.status));
    page = new DOMParser().parseFromString(await response.text(), 'text/html');
  } catch (e) {
    failed(url);
    return;
  }
  if (page.documentElement.lang !== document.documentElement.lang) {
    sessionStorage.setItem('focus-answer', new URL(url, location.href).href);
    location.assign(url);
    return;
  }
  if (push) history.pushState(null, '', url);
  document.title = page.title;
  for (const selector of ['nav.languages', '#answer-region']) {
    document.querySelector(selector).replaceChildren(...page.querySelector(selector).childNodes);
  }
  for (const id of ['q', 'place', 'setting']) $(id).value = page.getElementById(id).value;
  // The notice of a refused edit of the rules comes and goes with the server's state.
  if ($('health')) $('health').remove();
  if (page.getElementById('health')) document.querySelector('main').before(page.getElementById('health'));
  focusAnswer();
  document.body.dataset.ready = 'true';
}

/** The server could not be reached, or failed: the old answer goes, and the question can be asked again. */
function failed(url) {
  for (const child of [...$('answer-region').children]) if (child.id !== 'failure') child.remove();
  $('failure').hidden = false;
  $('failure').dataset.url = url;
  $('failure-title').focus();
  document.body.dataset.ready = 'true';
}

/** A link to a question or a place (a candidate, an example, a type in a place) is asked in place. */
function asksAQuestion(a) {
  if (!a || !$('answer-region').contains(a)) return false;
  const target = new URL(a.href);
  return target.origin === location.origin && !target.searchParams.has('view')
    && (target.searchParams.has('q') || target.searchParams.has('place'));
}

async function render() {
  const params = new URLSearchParams(location.search);
  const view = params.get('view') || 'ask';
  showView(['table', 'trends', 'profile'].includes(view) ? view : 'ask');
  document.body.dataset.ready = 'false';
  if (view === 'table') filterTable();
  else if (view === 'trends') await showTrends(params);
  else if (view === 'profile') await showProfile(params);
  document.body.dataset.ready = 'true';
}

document.addEventListener('DOMContentLoaded', async () => {
  // The server answers the form as it stands, without the script too; here its answer is put in
  // place of the old one, and empty fields are kept out of the address.
  $('ask').addEventListener('submit', (event) => {
    event.preventDefault();
    ask(link({ q: $('q').value.trim(), place: $('place').value.trim(), setting: $('setting').value }), true);
  });
  document.addEventListener('click', (event) => {
    if (event.target.id === 'retry') {
      ask($('failure').dataset.url, true);
      return;
    }
    const a = event.target.closest('a');
    // A link opened elsewhere (a new tab, a new window) is left to the browser.
    const elsewhere = event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey;
    if (!elsewhere && asksAQuestion(a)) {
      event.preventDefault();
      ask(a.href, true);
    }
  });
  $('trend-window').addEventListener('submit', (event) => {
    event.preventDefault();
    history.pushState(null, '', link({ view: 'trends', from: $('trend-from').value, to: $('trend-to').value }));
    render();
  });
  $('place').addEventListener('input', suggestPlaces);
  if ($('table-place-input')) $('table-place-input').addEventListener('input', suggestPlaces);
  window.addEventListener('popstate', () => {
    const view = new URLSearchParams(location.search).get('view');
    if (view && view !== 'ask') render();
    else { showView('ask'); ask(location.href, false); }
  });
  await fillVocabulary();
  await render();
  // An answer asked from a page in another language was loaded whole: its heading takes the focus.
  if (sessionStorage.getItem('focus-answer') === location.href) focusAnswer();
  sessionStorage.removeItem('focus-answer');
});
