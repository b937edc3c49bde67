import { readFileSync } from 'node:fs';
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { defaultStopwords } from './stopwords.ts';

export interface UserWord {
  word: string;
  /** Dictionary frequency; higher makes jieba prefer the word as one token (default 3000). */
  freq?: number;
  /** Part-of-speech tag (ns place, nt organisation, n noun…; default n). */
  tag?: string;
}

export interface TaggedToken {
  word: string;
  tag: string;
}

// A token is kept for analysis only if it holds a letter, digit or CJK character.
const CONTENT = /[\p{L}\p{N}]/u;
const NUMBER_ONLY = /^[\d.%,:\-/]+$/;

/**
 * jieba with the bundled dictionary plus the package's user dictionary (place, department and
 * government terms). One instance per process (per worker): loading takes ~150 ms.
 */
export class Segmenter {
  private readonly jieba: Jieba;
  readonly stopwords: Set<string>;

  constructor(options: { userDict?: boolean; stopwords?: Iterable<string> } = {}) {
    this.jieba = Jieba.withDict(dict);
    if (options.userDict !== false) {
      this.jieba.loadDict(readFileSync(new URL('./dict/user.dict.txt', import.meta.url)));
    }
    this.stopwords = new Set(options.stopwords ?? defaultStopwords());
  }

  /** Adds words (local place names, unit names) so they are kept as one token. */
  addWords(words: ReadonlyArray<string | UserWord>): void {
    const lines = words.map((w) =>
      typeof w === 'string' ? `${w} 3000 n` : `${w.word} ${w.freq ?? 3000} ${w.tag ?? 'n'}`,
    );
    if (lines.length > 0) this.jieba.loadDict(Buffer.from(lines.join('\n') + '\n'));
  }

  addStopwords(words: Iterable<string>): void {
    for (const w of words) this.stopwords.add(w);
  }

  /** Raw jieba cut (HMM on for unseen words), punctuation included. */
  cut(text: string): string[] {
    return this.jieba.cut(text, true);
  }

  /** Content tokens: no punctuation, whitespace, bare numbers or stopwords; Latin lower-cased. */
  tokens(text: string): string[] {
    const out: string[] = [];
    for (const raw of this.jieba.cut(text, true)) {
      const w = raw.trim().toLowerCase();
      if (w.length === 0 || !CONTENT.test(w) || NUMBER_ONLY.test(w) || this.stopwords.has(w)) continue;
      out.push(w);
    }
    return out;
  }

  /** Part-of-speech tagged cut (jieba tags: n, ns, nt, v, a…). */
  tag(text: string): TaggedToken[] {
    return this.jieba.tag(text, true);
  }
}

let shared: Segmenter | undefined;

/** The process-wide segmenter with default dictionaries. */
export function getSegmenter(): Segmenter {
  shared ??= new Segmenter();
  return shared;
}
