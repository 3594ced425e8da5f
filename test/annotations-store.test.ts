import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { annotateCorpus, ingest } from '../src/pipeline.js';
import { SqliteStore } from '../src/store/sqlite/sqlite-store.js';
import { repoRoot, runCli, tempDir } from './helpers.js';

test('annotation layers are stored per article, incrementally, and queried by speaker and category', async () => {
  const store = new SqliteStore(':memory:');
  await ingest([join(repoRoot, 'examples/corpus')], store, { workers: 0 });
  const first = await annotateCorpus(store);
  assert.equal(first.annotated, store.stats().documents);
  assert.equal((await annotateCorpus(store)).annotated, 0, 'second run has nothing to do');
  const id = store.articleIds()[0];
  const layers = store.getAnnotations(id)!;
  const article = store.getArticle(id)!;
  for (const m of layers.entities) assert.equal(article.text.slice(m.start, m.end), m.text, 'stand-off spans point into the clean text');
  const all = store.quotes();
  assert.ok(all.length > 10, 'all.length > 10');
  const speaker = all.find((q) => q.speaker)!.speaker!.canonical;
  const bySpeaker = store.quotes({ speaker: speaker.split(' ').pop()!.toUpperCase() });
  assert.ok(bySpeaker.length > 0 && bySpeaker.every((q) => q.speaker!.canonical.toLowerCase().includes(speaker.split(' ').pop()!.toLowerCase())), 'bySpeaker.length > 0 && bySpeaker.every((q) => q.speaker!.canonical.toLowerCase().includes(speake...');
  assert.deepEqual(store.quotes({ speaker: "%' OR 1=1 --" }), [], 'speaker filter is a bound parameter');
  const events = store.events();
  assert.ok(events.length > 0, 'events.length > 0');
  const cat = events[0].category;
  assert.ok(store.events({ category: cat.toLowerCase() }).every((e) => e.category === cat), 'store.events({ category: cat.toLowerCase() }).every((e) => e.category === cat)');
  store.close();
});

test('a stored article in another language is not read for entities: its nouns do not reach the corpus entities', async () => {
  const tmp = tempDir();
  try {
    const file = join(tmp.path, 'ePA.txt');
    writeFileSync(
      file,
      'Die elektronische Patientenakte kommt\n\nDie elektronische Patientenakte soll ab April für alle gesetzlich Versicherten verfügbar sein. ' +
        'Ärzte und Krankenhäuser müssen die Daten dann in die Akte eintragen, sagte das Gesundheitsministerium am Montag in Berlin. ' +
        'Kritiker bemängeln den Datenschutz und fordern mehr Kontrolle für die Patienten über ihre Daten und über den Zugriff der Kassen.\n',
    );
    const store = new SqliteStore(':memory:');
    await ingest([file], store, { workers: 0 });
    const [id] = store.articleIds();
    assert.equal(store.getArticle(id)?.language, 'de', 'detected as German');
    await annotateCorpus(store);
    const layers = store.getAnnotations(id)!;
    assert.equal(layers.notRead?.language, 'de');
    assert.deepEqual(store.entityClusters(), [{ articleId: id, clusters: [] }], 'no "Ärzte" or "Zugriff" as names');
    store.close();
  } finally {
    tmp.cleanup();
  }
});

test('parallax entities / quotes / events print the stored layers with --json', () => {
  const dir = tempDir();
  try {
    const db = join(dir.path, 'p.db');
    assert.equal(runCli(['ingest', join(repoRoot, 'examples/corpus'), '--db', db, '--no-progress']).status, 0);
    const entities = runCli(['entities', '--db', db, '--json', '--type', 'PERSON']);
    assert.equal(entities.status, 0, entities.stderr);
    const people = entities.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(people.length > 5 && people.every((p) => p.type === 'PERSON'), "people.length > 5 && people.every((p) => p.type === 'PERSON')");
    assert.ok(people.some((p) => p.aliases.length > 1), 'aliases merged across mentions');
    // one story's entities: every one in that story's articles, counted
    const story = JSON.parse(runCli(['stories', '--db', db, '--json', '--sort', 'size']).stdout.split('\n')[0]);
    const inStory = runCli(['entities', '--db', db, '--json', '--story', story.id]);
    assert.equal(inStory.status, 0, inStory.stderr);
    const members = new Set(story.articles.map((a: { id: string }) => a.id));
    const storyEntities = inStory.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.ok(storyEntities.length > 0 && storyEntities.every((e) => e.withinArticles > 0 && e.articles.some((a: string) => members.has(a))), 'only the story\'s entities');
    assert.equal(runCli(['entities', '--db', db, '--story', 'nosuchstory']).status, 2, 'an unknown story is a usage error');
    for (const kind of ['quotes', 'events']) {
      const listed = runCli([kind, '--db', db, '--json', '--story', story.id, '--limit', '3']);
      assert.equal(listed.status, 0, listed.stderr);
      const rows = listed.stdout.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
      assert.ok(rows.length > 0 && rows.length <= 3 && rows.every((r) => members.has(r.articleId)), `${kind}: only the story's articles, at most the limit`);
    }
    const quotes = runCli(['quotes', '--db', db, '--json']);
    assert.equal(quotes.status, 0);
    const q = JSON.parse(quotes.stdout.split('\n')[0]);
    for (const k of ['articleId', 'text', 'start', 'end', 'direct', 'cue', 'speaker']) assert.ok(k in q, k);
    const events = runCli(['events', '--db', db, '--json', '--type', 'AGREE']);
    assert.equal(events.status, 0);
    for (const line of events.stdout.trim().split('\n').filter(Boolean)) assert.equal(JSON.parse(line).category, 'AGREE');
  } finally {
    dir.cleanup();
  }
});
