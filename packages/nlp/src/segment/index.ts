export { Segmenter, getSegmenter, type UserWord, type TaggedToken } from './segmenter.ts';
export { defaultStopwords } from './stopwords.ts';
