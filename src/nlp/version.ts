/**
 * Version of the annotation layers. Stored with each article's layers; bump it when the annotator's output
 * changes, and stored articles are re-annotated the next time the corpus is read.
 */
export const ANNOTATION_VERSION = 102;
