// The article as the claim and fact readers see it: every sentence and unit
// title in its matching view (src/text/normalize.ts), and the way back from
// what they read to the page as written. Records keep the source sentence and
// source spans, so excerpts, columns and fingerprints are those of the page.
import type { Article, ClaimRecord, FactRecord, Quantity, Sentence, TextSpan, Unit } from '../types.js';
import { matchingView, needsNormalising, type MatchingView } from '../text/normalize.js';

interface Normalised {
  readonly source: Sentence;
  readonly view: MatchingView;
}

export interface ArticleViews {
  /** The article with normalised sentences and titles; the article itself when nothing in it needed normalising. */
  readonly article: Article;
  /** The source of a sentence of `article` that was normalised; undefined for a sentence read as written. */
  sourceOf(sentence: TextSpan): Normalised | undefined;
}

const NONE: ReadonlyMap<TextSpan, Normalised> = new Map();

/** Views of every sentence and unit title; nothing is copied unless one of them changes. */
export function articleViews(article: Article): ArticleViews {
  let sentences: Sentence[] | undefined;
  let sources: Map<TextSpan, Normalised> | undefined;
  const all = article.sentences;
  for (let i = 0; i < all.length; i++) {
    const s = all[i]!;
    // The fast check first: a clean sentence (nearly all) costs one table scan and no view object.
    if (!needsNormalising(s.text)) continue;
    const view = matchingView(s.text);
    if (view.identity) continue;
    sentences ??= all.slice();
    sources ??= new Map();
    // Same span as the source sentence: readers compute absolute offsets as span.start + offset in text.
    const read: Sentence = { text: view.text, span: s.span, unitIndex: s.unitIndex, isTitle: s.isTitle, ...(s.cellHeaders ? { cellHeaders: s.cellHeaders.map((h) => matchingView(h).text) } : {}) };
    sentences[i] = read;
    sources.set(read, { source: s, view });
  }
  let units: Unit[] | undefined;
  for (let i = 0; i < article.units.length; i++) {
    const u = article.units[i]!;
    const title = u.title && matchingView(u.title.text);
    const region = u.declaredRegion !== undefined ? matchingView(u.declaredRegion) : undefined;
    if ((!title || title.identity) && (!region || region.identity)) continue;
    units ??= article.units.slice();
    const copy: { -readonly [K in keyof Unit]: Unit[K] } = { ...u };
    if (title && !title.identity) copy.title = { text: title.text, span: u.title!.span };
    if (region && !region.identity) copy.declaredRegion = region.text;
    units[i] = copy;
  }
  const read: Article = sentences || units ? { ...article, sentences: sentences ?? article.sentences, units: units ?? article.units } : article;
  const map = sources ?? NONE;
  return { article: read, sourceOf: (sentence) => map.get(sentence) };
}

/** The article read as written, every sentence its own view. */
export function asWritten(article: Article): ArticleViews {
  return { article, sourceOf: () => undefined };
}

/** `span` (absolute, as span.start + view offset) at its place in the source. */
function sourceAbsolute(n: Normalised, span: { start: number; end: number }): { start: number; end: number } {
  const base = n.source.span.start;
  const s = n.view.sourceSpan(span.start - base, span.end - base);
  return { start: base + s.start, end: base + s.end };
}

/** A piece of the source sentence: the text is the source's own, so text.length is the span's length (rules rely on it). */
function sourcePiece(n: Normalised, span: { start: number; end: number }): TextSpan {
  const base = n.source.span.start;
  return { text: n.source.text.slice(span.start - base, span.end - base), span };
}

function quantityAtSource(n: Normalised, q: Quantity, relative: boolean): Quantity {
  const base = relative ? n.source.span.start : 0;
  const abs = sourceAbsolute(n, { start: q.span.start + base, end: q.span.end + base });
  const text = sourcePiece(n, abs).text;
  return { ...q, text, span: relative ? { start: abs.start - base, end: abs.end - base } : abs };
}

/**
 * Claim records read from a normalised sentence, at source positions: the cue
 * and quantities point at the source characters that produced them, and the
 * record's sentence is the source sentence. `out[from…]` are replaced in place.
 */
export function claimsAtSource(n: Normalised, out: ClaimRecord[], from: number, to = out.length): void {
  // Records of one sentence share one quantities array: map it once.
  let seen: readonly Quantity[] | undefined;
  let mapped: readonly Quantity[] = [];
  for (let k = from; k < to; k++) {
    const r = out[k]!;
    if (r.quantities !== seen) {
      seen = r.quantities;
      mapped = r.quantities.map((q) => quantityAtSource(n, q, false));
    }
    // A spread keeps the record's field order (JSON output shows it).
    out[k] = { ...r, cue: sourcePiece(n, sourceAbsolute(n, r.cue.span)), quantities: mapped, sentence: n.source, clause: sourceAbsolute(n, r.clause) };
  }
}

/**
 * A fact record read from a normalised sentence, at source positions. The
 * value's `norm` and `text` stay as read (a value compares and is quoted in
 * its normalised form); its quantity points at the source.
 */
export function factAtSource(n: Normalised, f: FactRecord): FactRecord {
  const q = f.value.quantity;
  // Fact readers keep quantities relative to the sentence.
  const value = q ? { ...f.value, quantity: quantityAtSource(n, q, true) } : f.value;
  return { ...f, value, evidence: sourcePiece(n, sourceAbsolute(n, f.evidence.span)), sentence: n.source };
}
