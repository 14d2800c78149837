// The build context `docker build .` would send: the files of a directory minus what
// .dockerignore excludes. The rules follow Docker's (moby/patternmatcher): one pattern a
// line, `#` comments, a leading `/` ignored, `*` and `?` within one path segment, `**`
// across segments, `!` re-includes, the last matching line wins, and a pattern that
// matches a directory excludes everything under it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** The patterns of a .dockerignore text, in order: `{ pattern, exclude, regex }`. */
export function parseDockerignore(text) {
  const rules = [];
  for (const raw of text.split(/\r?\n/)) {
    let line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const exclude = !line.startsWith('!');
    if (!exclude) line = line.slice(1).trim();
    const pattern = path.posix.normalize(line).replace(/^\/+/, '').replace(/\/+$/, '');
    if (!pattern || pattern === '.') continue;
    rules.push({ pattern, exclude, regex: toRegex(pattern) });
  }
  return rules;
}

function toRegex(pattern) {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      i++;
      if (pattern[i + 1] === '/') {
        i++;
        source += '(?:.*/)?';
      } else {
        source += '.*';
      }
    } else if (ch === '*') {
      source += '[^/]*';
    } else if (ch === '?') {
      source += '[^/]';
    } else if (ch === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) throw new Error(`.dockerignore: unclosed [ in "${pattern}"`);
      source += `[${pattern.slice(i + 1, end).replace(/^!/, '^')}]`;
      i = end;
    } else if (ch === '\\' && i + 1 < pattern.length) {
      source += escape(pattern[++i]);
    } else {
      source += escape(ch);
    }
  }
  return new RegExp(`^${source}$`);
}

const escape = (ch) => ch.replace(/[.+^${}()|[\]\\/]/g, '\\$&');

/** Whether a path relative to the context (with `/`) is left out of it. */
export function isIgnored(rules, relativePath) {
  const parts = relativePath.split('/');
  // The path itself or any directory above it.
  const candidates = parts.map((_, i) => parts.slice(0, i + 1).join('/'));
  let ignored = false;
  for (const rule of rules) {
    if (candidates.some((c) => rule.regex.test(c))) ignored = rule.exclude;
  }
  return ignored;
}

export function readDockerignore(contextDir) {
  try {
    return parseDockerignore(readFileSync(path.join(contextDir, '.dockerignore'), 'utf8'));
  } catch (error) {
    if (error.code === 'ENOENT') return [];
    throw error;
  }
}

/**
 * The files of the context, relative, with their sizes. A directory that is ignored is not
 * walked unless a `!` rule might bring something under it back.
 */
export function contextFiles(contextDir, rules = readDockerignore(contextDir)) {
  const reincludes = rules.some((r) => !r.exclude);
  const files = [];
  const walk = (relative) => {
    for (const entry of readdirSync(path.join(contextDir, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      const ignored = isIgnored(rules, child);
      if (entry.isDirectory()) {
        if (!ignored || reincludes) walk(child);
      } else if (!ignored) {
        files.push(child);
      }
    }
  };
  walk('');
  return files;
}
