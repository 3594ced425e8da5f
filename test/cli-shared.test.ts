import { test } from 'node:test';
import assert from 'node:assert/strict';
import { displayDb } from '../src/cli/shared.js';

test('a password in a postgres:// --db is masked wherever the CLI prints the database', () => {
  assert.equal(displayDb('postgres://news:s3cr:et@db.example:5432/corpus'), 'postgres://news:***@db.example:5432/corpus');
  assert.equal(displayDb('postgresql://news@db/corpus'), 'postgresql://news@db/corpus');
  assert.equal(displayDb('.parallax/parallax.db'), '.parallax/parallax.db');
  assert.equal(displayDb('data/user:name@x.db'), 'data/user:name@x.db');
});
