import { VOCABULARIES, type VocabularyName } from "../../../src/lib/vocabulary.ts";

/** The names of all vocabularies of src/lib/vocabulary.ts. */
export const VOCABULARY_NAMES = Object.keys(VOCABULARIES) as VocabularyName[];
