// What a registry pattern may not contain, found on its syntax tree (parsed by
// @eslint-community/regexpp, the parser ESLint's regex rules use) rather than
// by running it:
// - an unbounded quantifier inside another one ((a+)+$, (.*)*x$): matching can
//   take exponential time and hang `check`;
// - named groups: phrases are joined into one regex per value and claims into
//   one gate, so a name used twice stops the whole registry compiling.
import { RegExpParser, visitRegExpAST } from '@eslint-community/regexpp';
import type { Node, Quantifier } from '@eslint-community/regexpp/ast';

const parser = new RegExpParser({ ecmaVersion: 2024 });

/** Why the pattern is unsafe, or undefined. `source` is already expanded (placeholders, concepts). */
export function patternHazard(source: string): string | undefined {
  return hazardOf(source, true);
}

/**
 * Only the backtracking check, for patterns compiled on their own or joined
 * where names cannot clash: cue lists (data/cues.yaml or a config's cues file)
 * and rule options. Same syntax tree, same rule as the registry's.
 */
export function backtrackingHazard(source: string, flags = 'u'): string | undefined {
  return hazardOf(source, false, flags.includes('u') || flags.includes('v'));
}

function hazardOf(source: string, namedGroups: boolean, unicode = true): string | undefined {
  let ast;
  try {
    ast = parser.parsePattern(source, 0, source.length, { unicode });
  } catch {
    return undefined; // Compilation reports syntax errors with the engine's own message.
  }
  let hazard: string | undefined;
  visitRegExpAST(ast, {
    onCapturingGroupEnter(node) {
      if (namedGroups && node.name !== null && !hazard) hazard = `named group (?<${node.name}>…) is not allowed in registry patterns: phrases are joined into one expression; use (?:…)`;
    },
    onQuantifierEnter(node) {
      if (hazard || node.max !== Infinity) return;
      const inner = unboundedInside(node.element);
      if (inner) hazard = `nested unbounded quantifiers (“${inner.raw}” inside “${node.raw}”) can backtrack catastrophically; bound the inner one ({0,20}) or rewrite it`;
    },
  });
  return hazard;
}

function unboundedInside(node: Node): Quantifier | undefined {
  let found: Quantifier | undefined;
  const walk = (n: Node): void => {
    if (found) return;
    if (n.type === 'Quantifier' && n.max === Infinity) {
      found = n;
      return;
    }
    for (const child of childrenOf(n)) walk(child);
  };
  for (const child of childrenOf(node)) walk(child);
  if (!found && node.type === 'Quantifier' && node.max === Infinity) found = node;
  return found;
}

function childrenOf(n: Node): readonly Node[] {
  switch (n.type) {
    case 'Alternative':
      return n.elements;
    case 'Group':
    case 'CapturingGroup':
    case 'Pattern':
      return n.alternatives;
    case 'Quantifier':
      return [n.element];
    case 'Assertion':
      return n.kind === 'lookahead' || n.kind === 'lookbehind' ? n.alternatives : [];
    default:
      return [];
  }
}
