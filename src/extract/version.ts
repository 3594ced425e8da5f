/**
 * Version of the extract stage's output. Stored with each article; bump it when the same bytes give a
 * different article (text, metadata, removals, quality), and `parallax reextract` brings the stored
 * articles up to date from their kept raw bytes. test/extract-version.test.ts fails when the output
 * over the sample corpus changes and this number does not.
 */
export const EXTRACT_VERSION = 18;
