import { test } from 'node:test';
import assert from 'node:assert/strict';
import { regularVerbForms } from '../src/nlp/verb-forms.js';

test('a consonant before a final o takes -es ("goes", "vetoes"); a vowel before it does not', () => {
  assert.ok(regularVerbForms('go', 'short').includes('goes'), "regularVerbForms('go', 'short').includes('goes')");
  assert.ok(!regularVerbForms('go', 'short').includes('gos'), "!regularVerbForms('go', 'short').includes('gos')");
  assert.ok(regularVerbForms('veto', 'also').includes('vetoes'), "regularVerbForms('veto', 'also').includes('vetoes')");
  assert.ok(regularVerbForms('woo', 'short').includes('woos'), "regularVerbForms('woo', 'short').includes('woos')");
});

test('exact (short) forms double the final consonant of short verbs and of verbs stressed on the last syllable', () => {
  assert.deepEqual(regularVerbForms('stop', 'short'), ['stop', 'stops', 'stopped', 'stopping']);
  assert.ok(regularVerbForms('occur', 'short').includes('occurred'), "regularVerbForms('occur', 'short').includes('occurred')");
  assert.ok(regularVerbForms('control', 'short').includes('controlling'), "regularVerbForms('control', 'short').includes('controlling')");
  // stressed on the first syllable: no doubling
  assert.deepEqual(regularVerbForms('open', 'short'), ['open', 'opens', 'opened', 'opening']);
  assert.ok(!regularVerbForms('visit', 'short').includes('visitted'), "!regularVerbForms('visit', 'short').includes('visitted')");
});

test('lexicon (also) forms keep both spellings where stress cannot be read', () => {
  const forms = regularVerbForms('open', 'also');
  assert.ok(forms.includes('opened') && forms.includes('openned'), "forms.includes('opened') && forms.includes('openned')");
  assert.deepEqual(regularVerbForms('try', 'also'), ['try', 'tries', 'tried', 'trying']);
  assert.deepEqual(regularVerbForms('raise', 'also'), ['raise', 'raises', 'raised', 'raising']);
});
