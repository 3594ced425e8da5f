// Parallax web UI: a read-only view of the corpus over /api.
//
// Article content is hostile. Everything from the API is put on the page with textContent or
// as attribute values set through the DOM, never parsed as HTML (no innerHTML anywhere: a test
// checks), and the server's Content-Security-Policy forbids inline script besides.

const view = document.getElementById('view');

/** Create an element with attributes and children (strings become text nodes). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') node.className = v;
    else if (k === 'href') node.setAttribute('href', safeHref(v));
    else node.setAttribute(k, String(v));
  }
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

/** Only our own routes and http(s) links; "javascript:" and the like become inert. */
function safeHref(v) {
  const s = String(v);
  if (s.startsWith('#/') || s.startsWith('/api/')) return s;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : '#';
  } catch {
    return '#';
  }
}

async function api(path, withHeaders = false) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body = await res.json().catch(() => ({ error: res.statusText }));
  if (!res.ok) throw new Error(body.error || `HTTP ${res.status}`);
  return withHeaders ? { body, headers: res.headers } : body;
}

/** Stories listed at once: the ones with most outlets first, the stories worth comparing. */
const STORIES_SHOWN = 500;

const short = (id) => (id || '').replace(/^story-/, '').slice(0, 12);
const day = (iso) => (iso ? String(iso).slice(0, 10) : '–');

/** A date cell that does not wrap. */
const dayCell = (iso) => el('span', { class: 'nowrap' }, day(iso));

/** A choice of one outlet or all, from the corpus's outlets (`counts`: each with its number of articles). */
function outletSelect(outlets, value, counts = false) {
  const select = el('select', { name: 'outlet', 'aria-label': 'outlet' }, el('option', { value: '' }, 'all outlets'), outlets.map((o) => el('option', { value: o.outlet }, counts ? `${o.outlet} (${o.documents})` : o.outlet)));
  select.value = value ?? '';
  return select;
}

function table(headers, rows) {
  return el('table', {}, el('thead', {}, el('tr', {}, headers.map((h) => el('th', {}, h)))), el('tbody', {}, rows.map((r) => el('tr', {}, r.map((c) => el('td', {}, c))))));
}

function show(...nodes) {
  view.replaceChildren(...nodes);
  view.focus?.();
}

function setTab(tab) {
  for (const a of document.querySelectorAll('nav a')) a.classList.toggle('active', a.dataset.tab === tab);
}

// ---- pages ----

/** How the stories list can be ordered: API sort value → what the heading says. */
const STORY_ORDERS = { outlets: 'most outlets first', recent: 'newest first', size: 'most articles first', start: 'oldest first' };

/**
 * The stories, a view chosen by `#/stories/<filters>` (sort, outlet, minSize as URL parameters;
 * most outlets first by default), so a filtered list can be shared or reloaded.
 */
async function storiesPage(filterText) {
  setTab('stories');
  const given = new URLSearchParams(filterText ?? '');
  const sort = Object.hasOwn(STORY_ORDERS, given.get('sort') ?? '') ? given.get('sort') : 'outlets';
  const outlet = given.get('outlet') ?? '';
  const minSize = Math.max(1, Number.parseInt(given.get('minSize') ?? '1', 10) || 1);
  const query = new URLSearchParams({ sort, limit: String(STORIES_SHOWN) });
  if (outlet) query.set('outlet', outlet);
  if (minSize > 1) query.set('minSize', String(minSize));
  const [{ body: stories, headers }, stats] = await Promise.all([api(`/api/stories?${query}`, true), api('/api/stats')]);
  const total = Number(headers.get('x-total-count') ?? stories.length);
  // a change of any control is a new address: the list is drawn again from it
  const go = (changes) => {
    const next = new URLSearchParams({ sort, ...(outlet ? { outlet } : {}), ...(minSize > 1 ? { minSize: String(minSize) } : {}), ...changes });
    for (const [k, v] of [...next]) if (!v || (k === 'minSize' && v === '1') || (k === 'sort' && v === 'outlets')) next.delete(k);
    location.hash = `#/stories/${encodeURIComponent(next.toString())}`;
  };
  const order = el('select', { name: 'sort', 'aria-label': 'order' }, Object.entries(STORY_ORDERS).map(([v, label]) => el('option', { value: v }, label)));
  order.value = sort;
  order.addEventListener('change', () => go({ sort: order.value }));
  const outlets = outletSelect(stats.outlets, outlet);
  outlets.addEventListener('change', () => go({ outlet: outlets.value }));
  const sizes = el('select', { name: 'minSize', 'aria-label': 'least articles' }, [1, 2, 3, 5, 10].map((n) => el('option', { value: String(n) }, n === 1 ? 'any size' : `${n}+ articles`)));
  sizes.value = String(minSize);
  sizes.addEventListener('change', () => go({ minSize: sizes.value }));
  const what = `${STORY_ORDERS[sort]}${outlet ? `, with ${outlet}` : ''}${minSize > 1 ? `, ${minSize}+ articles` : ''}`;
  show(
    el('h2', {}, total > stories.length ? `Stories (${stories.length} of ${total}, ${what})` : `Stories (${stories.length}, ${what})`),
    el('p', { class: 'filters' }, order, outlets, sizes),
    table(
      ['story', 'dates', 'articles', 'outlets', 'label'],
      stories.map((s) => [
        el('a', { href: `#/story/${s.id}` }, short(s.id)),
        `${day(s.start)} … ${day(s.end)}`,
        String(s.articles.length),
        voiceSpan([...new Set(s.articles.map((a) => a.outlet).filter(Boolean))]),
        el('a', { href: `#/story/${s.id}` }, s.label),
      ]),
    ),
  );
}

/** Outlets named in one line; a story syndicated to hundreds of sites shows ten and a count (all of them on hover). */
const VOICES_SHOWN = 10;
function voiceText(voices) {
  return voices.length > VOICES_SHOWN ? `${voices.slice(0, VOICES_SHOWN).join(', ')} and ${voices.length - VOICES_SHOWN} more` : voices.join(', ');
}
function voiceSpan(voices, wrap = (t) => t) {
  return el('span', { class: 'voices', title: voices.length > VOICES_SHOWN ? voices.join(', ') : undefined }, wrap(voiceText(voices)));
}
/** Up to this many outlets, each gets its "Only X" section even when it is empty. */
const EMPTY_ONLY_SHOWN = 6;

/** Sentences of evidence shown per claim; a story syndicated to hundreds of sites says how many more. */
const EVIDENCE_SHOWN = 30;

/** Each outlet's sentence for a claim, the claim's words marked, linked to its article. */
function evidenceList(claim) {
  const shown = claim.mentions.slice(0, EVIDENCE_SHOWN);
  const more = claim.mentions.length - shown.length;
  return el(
    'ul',
    { class: 'evidence' },
    shown.map((m) => {
      const at = m.sentence.start;
      const marks = m.span ? [[m.span.start - at, m.span.end - at]] : [];
      return el(
        'li',
        {},
        el('a', { href: `#/article/${encodeURIComponent(m.article)}` }, m.voice),
        m.value !== null && m.value !== undefined && m.value !== '' ? el('span', { class: 'muted' }, ` ${m.value}`) : '',
        m.modality && m.modality !== 'asserted' ? el('span', { class: 'muted' }, ` [${m.modality}]`) : '',
        ': ',
        withMarks(el('span', { class: 'sentence' }), m.sentenceText, marks),
      );
    }),
    more > 0 ? el('li', { class: 'muted' }, `… and ${more} more`) : '',
  );
}

/** A claim, its evidence folded under it (one click shows which sentence of which outlet says it). */
function claimItem(c) {
  return el(
    'li',
    { class: `claim claim-${c.kind}` },
    el('details', {}, el('summary', {}, el('span', { class: 'kind' }, c.kind), ' ', c.label, ' ', voiceSpan(c.voices, (t) => `(${t})`)), evidenceList(c)),
  );
}

/** Copies and spins inside the story: which article derives from which, and a link to their passages side by side. */
function derivationsSection(story) {
  const byId = new Map(story.articles.map((a) => [a.id, a]));
  const name = (id) => {
    const a = byId.get(id);
    return el('span', {}, el('a', { href: `#/article/${encodeURIComponent(id)}` }, short(id)), ` ${a?.outlet || '–'}`);
  };
  const rows = (story.derivations ?? []).map((d) => [
    name(d.derived),
    d.kind.replace(/-of$/, '') + ' of',
    name(d.source),
    `${Math.round(d.coverage * 100)}%`,
    d.similarity.toFixed(2),
    d.direction,
    el('a', { href: `#/reuse/${encodeURIComponent(d.source)}/${encodeURIComponent(d.derived)}` }, `${d.passages.length} passage${d.passages.length === 1 ? '' : 's'} side by side`),
  ]);
  return el(
    'section',
    {},
    el('h3', {}, `Copies and spins (${rows.length})`),
    rows.length ? table(['article', '', 'derives from', 'covered', 'similarity', 'direction by', ''], rows) : el('p', { class: 'muted' }, 'none: every article is written independently'),
  );
}

/** People, organisations and places listed on a story's page, the most widespread in it first. */
const STORY_ENTITIES_SHOWN = 40;

async function storyPage(id) {
  setTab('stories');
  const [story, cmp, entities] = await Promise.all([
    api(`/api/stories/${encodeURIComponent(id)}`),
    api(`/api/stories/${encodeURIComponent(id)}/compare`),
    api(`/api/entities?story=${encodeURIComponent(id)}&limit=${STORY_ENTITIES_SHOWN}`),
  ]);
  // every article can be read side by side with the one it derives from, or else with the story's first
  const first = story.articles[0]?.id;
  const sideBySide = (from, to, label) => el('a', { href: `#/reuse/${encodeURIComponent(from)}/${encodeURIComponent(to)}` }, label);
  const members = table(
    ['article', 'date', 'outlet', 'title', 'relation'],
    story.articles.map((a) => [
      el('a', { href: `#/article/${a.id}` }, short(a.id)),
      dayCell(a.publishedAt),
      a.outlet || '–',
      a.title || '(untitled)',
      a.copyOf
        ? sideBySide(a.copyOf, a.id, `copy of ${short(a.copyOf)}`)
        : a.spinOf
          ? sideBySide(a.spinOf, a.id, `spin of ${short(a.spinOf)}`)
          : a.id !== first
            ? sideBySide(first, a.id, `side by side with ${short(first)}`)
            : '',
    ]),
  );
  const agreed = cmp.claims.filter((c) => !c.conflict);
  const conflicts = cmp.claims.filter((c) => c.conflict);
  const section = (title, claims) =>
    el('section', {}, el('h3', {}, `${title} (${claims.length})`), claims.length ? el('ul', {}, claims.slice(0, 50).map(claimItem)) : el('p', { class: 'muted' }, 'none'));
  show(
    el('h2', {}, story.label),
    el('p', { class: 'muted' }, `${story.articles.length} articles · ${cmp.voices.length} outlets · ${cmp.counts.claims} claims · ${cmp.counts.conflicts} conflicts`),
    el(
      'section',
      {},
      el('h3', {}, 'Who and where'),
      el('p', { class: 'entities' }, entities.flatMap((e, i) => [
        i ? ' ' : '',
        entityLink(e.type, e.canonical, { class: `ent ent-${e.type}`, title: `${e.type}, in ${e.withinArticles} of the story's ${story.articles.length} articles` }),
      ])),
    ),
    el('section', {}, el('h3', {}, 'Summary'), el('ul', { class: 'summary' }, cmp.summary.map((s) => el('li', {}, s.text, ' ', el('span', { class: 'voices' }, `[${s.voice}]`))))),
    el(
      'section',
      { class: 'conflicts' },
      el('h3', {}, `Conflicts (${conflicts.length})`),
      conflicts.length
        ? el(
            'ul',
            {},
            conflicts.map((c) =>
              el(
                'li',
                {},
                el('span', { class: 'kind' }, c.conflict.kind),
                // a toll whose figures only rise (or fall) with the reports' times: most likely updated, not disputed
                c.conflict.trend ? el('span', { class: 'muted' }, ` ${c.conflict.trend} over time (an updated count?)`) : null,
                ' ',
                c.label,
                el('ul', {}, c.conflict.versions.map((v) => el('li', {}, el('strong', {}, v.value), v.firstReported ? el('span', { class: 'muted' }, ` from ${v.firstReported.slice(0, 10)}`) : null, ': ', voiceSpan(v.voices)))),
                el('details', {}, el('summary', {}, 'evidence'), evidenceList(c)),
              ),
            ),
          )
        : el('p', { class: 'muted' }, 'none found'),
    ),
    section('Reported by every outlet', agreed.filter((c) => c.coverage === 'all')),
    section('Reported by several', agreed.filter((c) => c.coverage === 'some')),
    ...cmp.voices
      .map((v) => [v.voice, agreed.filter((c) => c.coverage === 'one' && c.voices[0] === v.voice)])
      .filter(([, claims]) => claims.length || cmp.voices.length <= EMPTY_ONLY_SHOWN)
      .map(([voice, claims]) => section(`Only ${voice}`, claims)),
    el('section', {}, el('h3', {}, `Timeline (${cmp.timeline.length})`), table(['date', 'what happened', 'outlets'], cmp.timeline.map((t) => [t.date, t.label, voiceSpan(t.voices)]))),
    derivationsSection(story),
    el('section', {}, el('h3', {}, 'Articles'), members),
  );
}

/** The clean text with entity and quote spans highlighted: stand-off spans → DOM text segments. */
function highlighted(text, annotations) {
  const spans = [];
  for (const e of annotations?.entities ?? []) spans.push({ start: e.start, end: e.end, cls: `ent ent-${e.type}`, title: `${e.type}: ${e.canonical}${e.role ? ` (${e.role})` : ''}` });
  for (const q of annotations?.quotes ?? []) spans.push({ start: q.start, end: q.end, cls: q.direct ? 'quote' : 'quote indirect', title: `quote — ${q.speaker?.canonical ?? 'unknown speaker'}${q.cue ? ` (${q.cue})` : ''}` });
  const cuts = new Set([0, text.length]);
  for (const s of spans) {
    if (s.start >= 0 && s.end <= text.length && s.start < s.end) cuts.add(s.start).add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out = el('div', { class: 'article-text' });
  for (let i = 0; i + 1 < points.length; i++) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b);
    const piece = text.slice(a, b);
    if (!covering.length) out.append(document.createTextNode(piece));
    else out.append(el('span', { class: covering.map((s) => s.cls).join(' '), title: covering.map((s) => s.title).join('\n') }, piece));
  }
  return out;
}

/**
 * The article's people, organisations and places, most mentioned first, each linked to its page
 * across the corpus.
 */
function entitiesSection(ann) {
  const counts = new Map();
  for (const e of ann?.entities ?? []) {
    if (e.kind === 'role') continue;
    const key = `${e.type}\u0000${e.canonical}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const items = [...counts].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]));
  return el(
    'section',
    {},
    el('h3', {}, `Entities (${items.length})`),
    el('p', { class: 'entities' }, items.flatMap(([key, n], i) => {
      const [type, canonical] = key.split('\u0000');
      return [i ? ' ' : '', entityLink(type, canonical, { class: `ent ent-${type}`, title: `${type}, ${n} mention${n === 1 ? '' : 's'}` })];
    })),
  );
}

/** A link to an entity's page by type and name (any of its aliases finds it). */
function entityLink(type, name, attrs = {}) {
  return el('a', { ...attrs, href: `#/entity/${encodeURIComponent(type)}/${encodeURIComponent(name)}` }, name);
}

async function articlePage(id) {
  setTab('articles');
  const a = await api(`/api/articles/${encodeURIComponent(id)}`);
  const ann = await api(`/api/articles/${encodeURIComponent(a.id)}/annotations`).catch(() => null);
  const meta = [
    ['outlet', a.outlet],
    ['published', a.publishedAt ? `${a.publishedAt} (${a.metaSources?.publishedAt ?? '?'})` : null],
    ['byline', a.byline],
    ['language', a.language],
    ['url', a.url ? el('a', { href: a.url, rel: 'noopener noreferrer nofollow', target: '_blank' }, a.url) : null],
    ['origin', a.origins?.map((o) => o.url || o.path).join(', ')],
    ['quality', `spam ${a.quality.spamScore.toFixed(2)} · garble ${a.quality.garbleScore.toFixed(2)} · ${a.quality.words} words · ${(a.quality.removedShare * 100).toFixed(0)}% removed`],
    ['story', a.story ? el('a', { href: `#/story/${encodeURIComponent(a.story.id)}` }, `${a.story.label} (${a.story.size} article${a.story.size === 1 ? '' : 's'})`) : null],
    ['duplicates', a.duplicates.length ? el('span', {}, a.duplicates.flatMap((d, i) => {
      const other = d.a === a.id ? d.b : d.a;
      return [
        i ? ', ' : '',
        `${d.kind} `,
        el('a', { href: `#/article/${encodeURIComponent(other)}` }, short(other)),
        ' (',
        el('a', { href: `#/reuse/${encodeURIComponent(other)}/${encodeURIComponent(a.id)}` }, 'side by side'),
        ')',
      ];
    })) : 'none'],
  ].filter(([, v]) => v);
  show(
    el('h2', {}, a.title || '(untitled)'),
    el('dl', { class: 'meta' }, meta.flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('p', {}, el('a', { href: `/api/articles/${a.id}/raw` }, 'download the raw bytes'), ' · ', el('span', { class: 'legend' }, el('span', { class: 'ent ent-PERSON' }, 'person'), ' ', el('span', { class: 'ent ent-ORG' }, 'organisation'), ' ', el('span', { class: 'ent ent-PLACE' }, 'place'), ' ', el('span', { class: 'quote' }, 'quote'))),
    ann?.notRead ? el('p', { class: 'note' }, `Not read for entities, quotes, events and times: ${ann.notRead.reason}.`) : '',
    ann?.caseRestored
      ? el('p', { class: 'note' }, `Read in restored case: ${ann.caseRestored.damage === 'caseless' ? 'the text has no capitals' : `${ann.caseRestored.lines} line(s) set in capitals`}, so names were found in a copy written as prose would write it (the text below is as written).`)
      : '',
    highlighted(a.text, ann),
    entitiesSection(ann),
    el('section', {}, el('h3', {}, `Quotes (${ann?.quotes?.length ?? 0})`), table(['speaker', 'cue', 'quote'], (ann?.quotes ?? []).map((q) => [q.speaker?.canonical ?? '?', q.cue ?? '', q.direct ? `“${q.text}”` : q.text]))),
    el('section', {}, el('h3', {}, `Removed (${a.removals.length})`), table(['reason', 'rule', 'text'], a.removals.map((r) => [r.reason, r.rule, r.text]))),
    el('section', {}, el('h3', {}, `Events (${ann?.events?.length ?? 0})`), table(['category', 'actor', 'trigger', 'target', 'time'], (ann?.events ?? []).map((e) => [e.category, e.actor.map((p) => p.canonical).join(' & '), e.trigger.text, e.target.map((p) => p.canonical).join(' & '), e.time ?? '']))),
  );
}

/** Articles per page of the list. */
const ARTICLES_PAGE = 100;

/** The article list, a page at a time, optionally one outlet's: `#/articles/<offset>/<outlet>`. */
async function articlesPage(offsetText, outletText) {
  setTab('articles');
  const offset = Math.max(0, Number.parseInt(offsetText ?? '0', 10) || 0);
  const outlet = outletText ?? '';
  const [list, stats] = await Promise.all([
    api(`/api/articles?limit=${ARTICLES_PAGE + 1}&offset=${offset}${outlet ? `&outlet=${encodeURIComponent(outlet)}` : ''}`),
    api('/api/stats'),
  ]);
  const more = list.length > ARTICLES_PAGE;
  const rows = list.slice(0, ARTICLES_PAGE);
  const at = (o, name = outlet) => `#/articles/${o}${name ? `/${encodeURIComponent(name)}` : ''}`;
  const picker = outletSelect(stats.outlets, outlet, true);
  picker.addEventListener('change', () => (location.hash = at(0, picker.value)));
  const pages = el(
    'p',
    { class: 'pages' },
    offset > 0 ? el('a', { href: at(Math.max(0, offset - ARTICLES_PAGE)) }, '← previous') : '',
    ` ${rows.length ? `${offset + 1}–${offset + rows.length}` : 'none'} `,
    more ? el('a', { href: at(offset + ARTICLES_PAGE) }, 'next →') : '',
  );
  show(
    el('h2', {}, outlet ? `Articles from ${outlet}` : 'Articles'),
    picker,
    table(['article', 'date', 'outlet', 'title', 'removed'], rows.map((a) => [el('a', { href: `#/article/${a.id}` }, short(a.id)), dayCell(a.publishedAt), a.outlet || '–', a.title || '(untitled)', String(a.removals)])),
    pages,
  );
}

/** Passages two articles share, side by side: words B dropped struck through in A, words B added underlined in B. */
async function reusePage(aId, bId) {
  setTab('stories');
  const r = await api(`/api/reuse?a=${encodeURIComponent(aId)}&b=${encodeURIComponent(bId)}`);
  const head = (label, x) => el('p', {}, `${label}: `, el('a', { href: `#/article/${encodeURIComponent(x.id)}` }, x.title || '(untitled)'), el('span', { class: 'muted' }, ` ${x.outlet || '–'} · ${day(x.publishedAt)}`));
  show(
    el('h2', {}, 'Passages side by side'),
    head('A', r.a),
    head('B', r.b),
    el('p', { class: 'muted' }, r.passages.length ? `${r.passages.length} shared passage${r.passages.length === 1 ? '' : 's'}; words of A that B dropped are struck through, words B added are underlined.` : 'These two articles share no passage.'),
    ...r.passages.map((p, i) =>
      el(
        'section',
        { class: 'passage' },
        el('h3', {}, `Passage ${i + 1}`, el('span', { class: 'muted' }, ` similarity ${p.similarity.toFixed(2)}${p.verbatim ? ', verbatim' : ''}`)),
        el('div', { class: 'side-by-side' }, withMarks(el('div', { class: 'col' }), p.textA, p.removed, 'del'), withMarks(el('div', { class: 'col' }), p.textB, p.added, 'ins')),
      ),
    ),
  );
}

/** One entity across the corpus: names, roles, the articles that mention it, its events, what it is quoted saying. */
async function entityPage(type, name) {
  setTab('entities');
  const found = await api(`/api/entities?type=${encodeURIComponent(type)}&name=${encodeURIComponent(name)}&limit=100`);
  const want = name.toLowerCase();
  const match = found.find((e) => e.canonical.toLowerCase() === want) ?? found.find((e) => e.aliases.some((x) => x.toLowerCase() === want)) ?? found[0];
  if (!match) throw new Error(`no ${type} named “${name}”`);
  const e = await api(`/api/entities/${encodeURIComponent(match.id)}`);
  const aliases = e.aliases.filter((x) => x !== e.canonical);
  const summaries = new Map(e.articleSummaries.map((a) => [a.id, a]));
  show(
    el('h2', {}, e.canonical),
    el('dl', { class: 'meta' }, [
      ['type', e.type + (e.country ? ` (${e.country})` : '')],
      ['also called', aliases.join(', ')],
      ['roles', e.roles.join('; ')],
      ['mentions', `${e.mentionCount} in ${e.articles.length} article${e.articles.length === 1 ? '' : 's'}`],
    ].filter(([, v]) => v).flatMap(([k, v]) => [el('dt', {}, k), el('dd', {}, v)])),
    el('section', {}, el('h3', {}, `Articles (${e.articles.length}${e.articleSummaries.length < e.articles.length ? `, the first ${e.articleSummaries.length} shown` : ''})`),
      table(['date', 'outlet', 'title'], e.articleSummaries.map((a) => [dayCell(a.publishedAt), a.outlet || '–', el('a', { href: `#/article/${encodeURIComponent(a.id)}` }, a.title || '(untitled)')]))),
    el('section', {}, el('h3', {}, `Events (${e.events.length})`),
      e.events.length
        ? table(['category', 'actor', 'trigger', 'target', 'time', 'article'], e.events.map((x) => [
          x.category,
          x.actor.map((p) => p.canonical).join(' & '),
          x.trigger.text,
          x.target.map((p) => p.canonical).join(' & '),
          x.time ?? '',
          el('a', { href: `#/article/${encodeURIComponent(x.articleId)}` }, summaries.get(x.articleId)?.outlet || short(x.articleId)),
        ]))
        : el('p', { class: 'muted' }, 'no events with it as actor or target')),
    el('section', {}, el('h3', {}, `Quoted (${e.quotes.length})`),
      e.quotes.length
        ? table(['cue', 'quote', 'article'], e.quotes.map((q) => [q.cue ?? '', q.direct ? `“${q.text}”` : q.text, el('a', { href: `#/article/${encodeURIComponent(q.articleId)}` }, summaries.get(q.articleId)?.outlet || short(q.articleId))]))
        : el('p', { class: 'muted' }, 'no quotes attributed')),
  );
}

/** Documents that failed, and why: what `parallax errors` prints. */
async function errorsPage() {
  setTab('errors');
  const rows = await api('/api/errors?limit=1000');
  show(
    el('h2', {}, `Failed documents (${rows.length}${rows.length === 1000 ? '+' : ''})`),
    rows.length
      ? table(['when', 'document', 'stage', 'code', 'message'], rows.map((e) => [String(e.at).slice(0, 19).replace('T', ' '), e.origin?.url || e.origin?.path || '?', e.stage, e.code, e.message]))
      : el('p', { class: 'muted' }, 'No document failed.'),
  );
}

/** A search box (and optional filter controls) that re-renders a table from an API query. */
function searchPage(title, placeholder, load, initial = '', controls = []) {
  const input = el('input', { type: 'search', placeholder, 'aria-label': placeholder });
  input.value = initial;
  const out = el('div');
  const run = async () => out.replaceChildren(await load(input.value.trim()));
  let timer;
  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(() => run().catch(fail), 200);
  };
  input.addEventListener('input', later);
  for (const c of controls) c.addEventListener(c.tagName === 'SELECT' ? 'change' : 'input', later);
  show(el('h2', {}, title), input, controls.length ? el('p', { class: 'filters' }, controls) : '', out);
  return run();
}

const entitiesPage = () => {
  setTab('entities');
  return searchPage('Entities', 'name or alias', async (q) => {
    const rows = await api(`/api/entities?limit=300${q ? `&name=${encodeURIComponent(q)}` : ''}`);
    return table(['type', 'entity', 'articles', 'mentions', 'roles', 'aliases'], rows.map((e) => [e.type, entityLink(e.type, e.canonical), String(e.articles.length), String(e.mentionCount), e.roles.join('; '), e.aliases.filter((x) => x !== e.canonical).join(', ')]));
  });
};

const quotesPage = () => {
  setTab('quotes');
  return searchPage('Quotes', 'speaker', async (q) => {
    const rows = await api(`/api/quotes?limit=500${q ? `&speaker=${encodeURIComponent(q)}` : ''}`);
    return table(['speaker', 'cue', 'quote', 'article'], rows.map((x) => [x.speaker?.canonical ?? '?', x.cue ?? '', x.direct ? `“${x.text}”` : x.text, el('a', { href: `#/article/${x.articleId}` }, short(x.articleId))]));
  });
};

const eventsPage = () => {
  setTab('events');
  return searchPage('Events', 'PLOVER category (AGREE, ACCUSE, ASSAULT…)', async (q) => {
    const type = q.toUpperCase().replace(/[^A-Z]/g, '');
    const rows = await api(`/api/events?limit=500${type ? `&type=${type}` : ''}`);
    return table(['category', 'actor', 'trigger', 'target', 'time', 'place', 'flags', 'article'], rows.map((e) => [
      e.category,
      e.actor.map((p) => p.canonical).join(' & '),
      e.trigger.text,
      e.target.map((p) => p.canonical).join(' & '),
      e.time ?? '',
      e.place?.canonical ?? '',
      Object.entries(e.flags).filter(([, v]) => v).map(([k]) => k).join(', '),
      el('a', { href: `#/article/${e.articleId}` }, short(e.articleId)),
    ]));
  });
};

/**
 * `text` into `node` with the given ranges in <mark> (or `tag`: <del>, <ins>); offsets come from
 * the API, ranges out of order or out of bounds are passed over; nothing is parsed as HTML.
 */
function withMarks(node, text, ranges, tag = 'mark') {
  let at = 0;
  for (const [start, end] of ranges) {
    if (start < at || end > text.length || end <= start) continue;
    node.append(text.slice(at, start), el(tag, {}, text.slice(start, end)));
    at = end;
  }
  node.append(text.slice(at));
  return node;
}

/** Hits shown for one query (the API says how many match in all). */
const HITS_SHOWN = 50;

/** Search filters the API takes, in the order the address keeps them. */
const SEARCH_FILTERS = ['outlet', 'since', 'until', 'sort'];

/**
 * Full-text search: `#/search/<query>` or `#/search/<query>/<filters>` (outlet, since, until, sort
 * as URL parameters), so a search can be shared or reloaded with its filters.
 */
const articleSearchPage = async (initial, filterText) => {
  setTab('search');
  const given = new URLSearchParams(filterText ?? '');
  const stats = await api('/api/stats').catch(() => ({ outlets: [] }));
  const outlet = outletSelect(stats.outlets, '');
  const since = el('input', { type: 'text', name: 'since', placeholder: 'since YYYY[-MM[-DD]]', 'aria-label': 'since', size: 18 });
  const until = el('input', { type: 'text', name: 'until', placeholder: 'until YYYY[-MM[-DD]]', 'aria-label': 'until', size: 18 });
  const sort = el('select', { 'aria-label': 'order', name: 'sort' }, el('option', { value: '' }, 'best first'), el('option', { value: 'recent' }, 'newest first'));
  const controls = { outlet, since, until, sort };
  for (const name of SEARCH_FILTERS) controls[name].value = given.get(name) ?? '';
  return searchPage('Search', 'words, "a phrase", a OR b, -excluded, prefix*', async (q) => {
    if (!q) return el('p', { class: 'muted' }, 'Words to find in titles and clean text: all must occur; "quotes" keep a phrase together.');
    const filters = new URLSearchParams();
    for (const name of SEARCH_FILTERS) if (controls[name].value.trim()) filters.set(name, controls[name].value.trim());
    const f = filters.toString();
    history.replaceState(null, '', `#/search/${encodeURIComponent(q)}${f ? `/${encodeURIComponent(f)}` : ''}`);
    let answer;
    try {
      answer = await api(`/api/search?limit=${HITS_SHOWN}&q=${encodeURIComponent(q)}${f ? `&${f}` : ''}`, true);
    } catch (err) {
      return el('p', { class: 'error' }, err.message);
    }
    const hits = answer.body;
    const total = Number(answer.headers.get('x-total-count') ?? hits.length);
    return el(
      'div',
      {},
      el('p', { class: 'muted' }, total > hits.length ? `${total} articles match; the best ${hits.length} are shown` : `${total} article${total === 1 ? '' : 's'} match`),
      el('ol', { class: 'hits' }, hits.map((h) => el('li', {}, withMarks(el('a', { href: `#/article/${h.id}` }), h.title || '(untitled)', h.title ? h.titleHighlights : []), ' ', el('span', { class: 'muted' }, `${h.outlet || '–'} · ${day(h.publishedAt)}`), withMarks(el('p', { class: 'snippet' }), h.snippet, h.highlights)))),
    );
  }, initial, Object.values(controls));
};

function fail(err) {
  show(el('p', { class: 'error' }, `Error: ${err.message}`));
}

async function route() {
  const [, page, id, other] = location.hash.split('/');
  const part = (x) => (x === undefined ? undefined : decodeURIComponent(x));
  try {
    if (page === 'story' && id) await storyPage(part(id));
    else if (page === 'article' && id) await articlePage(part(id));
    else if (page === 'reuse' && id && other) await reusePage(part(id), part(other));
    else if (page === 'entity' && id && other) await entityPage(part(id), part(other));
    else if (page === 'errors') await errorsPage();
    else if (page === 'articles') await articlesPage(part(id), part(other));
    else if (page === 'search') await articleSearchPage(part(id) ?? '', part(other));
    else if (page === 'entities') await entitiesPage();
    else if (page === 'quotes') await quotesPage();
    else if (page === 'events') await eventsPage();
    else await storiesPage(page === 'stories' ? part(id) : undefined);
  } catch (err) {
    fail(err);
  }
}

async function stats() {
  const s = await api('/api/stats');
  const removed = s.removals.reduce((n, r) => n + r.count, 0);
  const failed = s.errors.reduce((n, e) => n + e.count, 0);
  document.getElementById('stats').replaceChildren(
    `${s.documents} documents · ${s.outlets.length} outlets · ${s.duplicates.exact + s.duplicates.near} duplicate pairs · ${removed} junk spans removed`,
    failed ? el('span', {}, ' · ', el('a', { href: '#/errors' }, `${failed} failed`)) : '',
  );
}

window.addEventListener('hashchange', route);
stats().catch(() => {});
route();
