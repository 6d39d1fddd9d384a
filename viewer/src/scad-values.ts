// Parameter values (JSON, as the `params` trait holds them) as OpenSCAD
// expressions for the engine's `defines` (as `-D name=expr`), the same
// literals python/marimo_openscad/models.py writes for the native engine.
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

const MAX_DEPTH = 64;

export function scadLiteral(value: unknown, depth = 0): string {
  if (depth > MAX_DEPTH || value === null || value === undefined) return 'undef';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    if (Number.isNaN(value)) return '(0/0)';
    if (!Number.isFinite(value)) return value > 0 ? '(1/0)' : '(-1/0)';
    return String(value);
  }
  if (typeof value === 'string') {
    const escaped = value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')
      .replace(/\n/g, '\\n').replace(/\t/g, '\\t').replace(/\r/g, '\\r');
    return `"${escaped}"`;
  }
  if (Array.isArray(value)) return `[${value.map((v) => scadLiteral(v, depth + 1)).join(', ')}]`;
  return 'undef';
}

// Only names OpenSCAD accepts as variables ($-names included) become defines.
const NAME = /^\$?[A-Za-z_][A-Za-z0-9_]*$/;

export function definesOf(params: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(params)) if (NAME.test(name)) out[name] = scadLiteral(value);
  return out;
}
