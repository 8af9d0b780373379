// SPDX-License-Identifier: MIT
// Reads a GTM Custom Template file (`.tpl`): its `___SECTION___` blocks, and the `___TESTS___`
// YAML as GTM writes it (a `scenarios:` list of `name` + `code: |-` blocks, optional `setup: |-`).

export interface Scenario {
  name: string;
  code: string;
}

export interface GtmTemplate {
  info: { type: string; displayName: string; containerContexts: string[] };
  parameters: Array<Record<string, unknown>>;
  code: string;
  permissions: Permission[];
  scenarios: Scenario[];
  setup: string;
}

/** One entry of `___WEB_PERMISSIONS___`, in GTM's typed-value encoding. */
export interface Permission {
  instance: { key: { publicId: string }; param?: Array<{ key: string; value: TypedValue }> };
}
export interface TypedValue {
  type: number;
  string?: string;
  boolean?: boolean;
  listItem?: TypedValue[];
  mapKey?: TypedValue[];
  mapValue?: TypedValue[];
}

/** GTM's encoding (1 string, 2 list, 3 map, 8 boolean) as plain values. */
export function plain(value: TypedValue): unknown {
  if (value.type === 1) return value.string;
  if (value.type === 8) return value.boolean;
  if (value.type === 2) return (value.listItem ?? []).map(plain);
  if (value.type === 3) return Object.fromEntries((value.mapKey ?? []).map((key, i) => [plain(key), plain(value.mapValue![i]!)]));
  throw new Error(`template.tpl: unknown permission value type ${value.type}`);
}

function sections(text: string): Map<string, string> {
  const found = new Map<string, string>();
  const parts = text.split(/^___([A-Z_]+)___\s*$/m);
  for (let i = 1; i < parts.length; i += 2) found.set(parts[i]!, parts[i + 1]!.trim());
  return found;
}

/** Un-indents a YAML `|-` block: the lines after `key: |-` indented deeper than `indent`. */
function block(lines: string[], start: number, indent: number): { text: string; next: number } {
  const body: string[] = [];
  let i = start;
  while (i < lines.length && (lines[i]!.trim() === '' || lines[i]!.search(/\S/) > indent)) body.push(lines[i++]!);
  const depth = Math.min(...body.filter((line) => line.trim()).map((line) => line.search(/\S/)));
  return {
    text: body
      .map((line) => line.slice(depth))
      .join('\n')
      .trimEnd(),
    next: i,
  };
}

function parseTests(yaml: string): { scenarios: Scenario[]; setup: string } {
  const lines = yaml.split('\n');
  const scenarios: Scenario[] = [];
  let setup = '';
  for (let i = 0; i < lines.length;) {
    const line = lines[i]!;
    const name = /^- name: (.*)$/.exec(line);
    if (name) {
      if (!/^ {2}code: \|-$/.test(lines[i + 1] ?? '')) throw new Error(`template.tpl: scenario "${name[1]}" has no "code: |-" block`);
      const { text, next } = block(lines, i + 2, 2);
      scenarios.push({ name: name[1]!.trim(), code: text });
      i = next;
    } else if (/^setup: \|-$/.test(line)) {
      const { text, next } = block(lines, i + 1, 0);
      setup = text;
      i = next;
    } else i++;
  }
  return { scenarios, setup };
}

/** Parses a template file; throws naming a missing section. */
export function parseTemplate(text: string): GtmTemplate {
  const found = sections(text);
  const need = (name: string) => {
    const section = found.get(name);
    if (section === undefined) throw new Error(`template.tpl: no ___${name}___ section`);
    return section;
  };
  return {
    info: JSON.parse(need('INFO')) as GtmTemplate['info'],
    parameters: JSON.parse(need('TEMPLATE_PARAMETERS')) as GtmTemplate['parameters'],
    code: need('SANDBOXED_JS_FOR_WEB_TEMPLATE'),
    permissions: JSON.parse(need('WEB_PERMISSIONS')) as Permission[],
    ...parseTests(found.get('TESTS') ?? ''),
  };
}
