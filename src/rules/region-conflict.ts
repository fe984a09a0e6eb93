/**
 * region-conflict: a unit's body puts its subject in a place that conflicts
 * with the unit's region, or a region-scoped registry claim is stated for
 * another region.
 *
 * The unit's region comes from src/region/unit-region.ts; the places that
 * conflict with it from src/region/foreign-places.ts, and region-scoped claims
 * stated elsewhere from src/region/scoped-claims.ts. Word lists live in
 * data/region-conflict.yaml (src/region/conflict-settings.ts) and can be
 * replaced key by key through the rule's options. This file reports.
 */
import { msg } from '../i18n/message.js';
import { defineRule } from '../kernel/define-rule.js';
import type { RelatedSpec } from '../kernel/rule.js';
import type { Article, Sentence } from '../types.js';
import { citeSource } from '../registry/types.js';
import { displayName, loadGazetteer } from '../region/gazetteer.js';
import { unitRegions, type UnitRegion } from '../region/unit-region.js';
import { compileRegionCues, regionConflictOptionsSchema, type RegionConflictSettings, type RegionCues } from '../region/conflict-settings.js';
import { unitConflicts } from '../region/foreign-places.js';
import { scopedClaimConflict } from '../region/scoped-claims.js';

/** The message of each kind of region-scoped conflict. */
const SCOPED_MESSAGE = {
  sentence: 'region-conflict.scoped-sentence',
  unit: 'region-conflict.scoped-unit',
  national: 'region-conflict.scoped-national',
} as const;

/** Which message reports a body place against the unit's region: the title's, or front matter's when no title names it. */
function regionMessageId(r: UnitRegion): string {
  // Name the title whenever one names the region, even when front matter declares it too.
  return r.source === 'front-matter' && r.titleUnit === undefined ? 'region-conflict.front-matter-place' : 'region-conflict.title-place';
}

export const regionConflict = defineRule<RegionConflictSettings, RegionCues>({
  meta: {
    id: 'region-conflict',
    type: 'problem',
    defaultSeverity: 'error',
    description: 'A unit’s body puts its subject in a region that conflicts with its title or front-matter region, or states a region-scoped claim for another region.',
    docs:
      'Region of a unit: front matter `region`, else the places its own title names, else its enclosing section or article ' +
      '(blocks of a scraped page inherit only a declared region). A title naming places with no single region among them ' +
      '(阜阳医保在合肥住院报销流程, 淮北淮南哪个发达) is about several places on purpose: the unit is not judged; so is a section ' +
      'whose heading names a place unrelated to the declared region. A title naming a place and places inside it ' +
      '(安徽分淮南淮北还是皖南皖北) is about the enclosing place. ' +
      'A body place is reported when all of these hold: (1) it resolves to one division — by a unique name or by a related place ' +
      'nearby; ambiguous names (吉林, 朝阳, 鼓楼区) without such context and data defaults are never used; (2) that division is ' +
      'neither the unit’s region nor an ancestor or descendant of it (a sibling city or county, another province); (3) it carries ' +
      'the subject: it stands in the unit’s lead (the first body sentence of a unit whose own title names the region, up to the ' +
      'first colon and `leadMaxChars`), or it is followed by a subject marker (“<place>有几家医院”, “<place>医保”, “<place>的政策”; ' +
      '`subjectMarkers`, after `subjectJoiners`), or it starts an institution name (“<place>市第一医院”; `institutions` within ' +
      '`institutionWindow` characters, no other place between); (4) nothing says it is named on purpose: it is not inside quotes ' +
      '(《…》, 「…」, “…”), not followed by people or organisation words (石家庄患者, 淮北矿业集团; `notSubjectPatterns`), the ' +
      'sentence has no referral, comparison or partnership cue (异地就医, 转诊, 对比, 哪个, 合作…), and its clause has no referral ' +
      '(前往…, 推荐选择…地区, 可到…就医), example-list (例如, 比如, 如 …, …等地, …等城市) or comparison (比…) cue, and it is not ' +
      'coordinated with another place (邯郸和石家庄, 淮北、淮南). A place named on purpose anywhere in a unit covers its other ' +
      'mentions, and places related to it, in that unit (可到省会兰州就医 … 兰州市第一人民医院). Each division is reported once per ' +
      'sentence, on the span of the place. ' +
      'A registry claim scoped to a region is reported when a sentence supports it in a unit about another region (including an ' +
      'enclosing one) or with no region at all, as if national; a place named in the sentence itself decides first, and a sentence ' +
      'with a local word (当地, 部分地区, 本市…) is not read as national. ' +
      'Every word list is in data/region-conflict.yaml and can be replaced with the same key under the rule’s options. ' +
      'Fix: correct the place in the sentence, or the title/front-matter region; for a deliberate mention, say so (可前往…, 例如…).',
    schema: regionConflictOptionsSchema,
  },
  data: 'region-conflict.yaml',
  patterns: ['notSubjectPatterns'],
  compile: compileRegionCues,
  create(context, c) {
    const g = loadGazetteer();
    let regions: readonly UnitRegion[] = [];

    const titleRelated = (r: UnitRegion, article: Article): RelatedSpec[] => {
      const title = r.titleUnit !== undefined ? article.units[r.titleUnit]?.title : undefined;
      return title ? [{ file: context.file, span: title.span, excerpt: title.text, message: msg('region-conflict.related-title') }] : [];
    };

    return {
      article(article) {
        regions = unitRegions(article, g);
        // Whole units at once: a referral later in a unit covers an earlier mention of the same place.
        const bodies = new Map<number, Sentence[]>();
        for (const s of article.sentences) {
          if (s.isTitle || regions[s.unitIndex]?.code === undefined) continue;
          const list = bodies.get(s.unitIndex);
          if (list) list.push(s);
          else bodies.set(s.unitIndex, [s]);
        }
        for (const [unitIndex, sentences] of bodies) {
          const r = regions[unitIndex]!;
          for (const p of unitConflicts(g, c, sentences, r.code!, r.titleUnit === unitIndex)) {
            context.report({
              node: p.sentence,
              range: [p.start, p.end],
              messageId: regionMessageId(r),
              data: { region: displayName(g, r.code!), place: displayName(g, p.code) },
              related: titleRelated(r, article),
            });
          }
        }
      },

      verdict(v) {
        const conflict = scopedClaimConflict(g, c, context.registry, v, regions[v.record.unitIndex]);
        if (!conflict) return;
        const claim = context.registry.byId.get(v.record.claimId)!.claim;
        const data = { scope: displayName(g, conflict.scope), claimId: claim.id, ...(conflict.kind === 'national' ? {} : { place: displayName(g, conflict.place) }) };
        context.report({
          node: v.record.sentence,
          range: conflict.range,
          messageId: SCOPED_MESSAGE[conflict.kind],
          data,
          ...(conflict.kind === 'unit' ? { related: titleRelated(regions[v.record.unitIndex]!, context.article) } : {}),
          claimId: claim.id,
          expected: claim.statement,
          source: citeSource(claim.source),
        });
      },
    };
  },
});
