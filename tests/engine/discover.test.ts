import { describe, expect, it } from 'vitest';
import { displayPath } from '../../src/engine/discover.js';

describe.skipIf(process.platform === 'win32')('displayPath', () => {
  it('shows files under the working directory relative to it', () => {
    expect(displayPath('/repo/main', '/repo/main/corpus/a.md')).toBe('corpus/a.md');
    expect(displayPath('/repo/main/', '/repo/main/a.md')).toBe('a.md');
  });

  it('walks up with .. for files outside it, and resolves odd paths as path.relative does', () => {
    expect(displayPath('/repo/main', '/repo/shared/samples/x.txt')).toBe('../shared/samples/x.txt');
    expect(displayPath('/repo/main', '/repo/main-other/a.md')).toBe('../main-other/a.md');
    expect(displayPath('/repo/main', '/repo/main/sub/../a.md')).toBe('a.md');
    expect(displayPath('/repo/main', '/repo//main/./b.md')).toBe('b.md');
  });

  it('keeps the absolute path for the working directory itself, and works from the root', () => {
    expect(displayPath('/repo/main', '/repo/main')).toBe('/repo/main');
    expect(displayPath('/', '/etc/a.md')).toBe('etc/a.md');
  });
});
