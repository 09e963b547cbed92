/**
 * The Handlebars templates `client.ts` is rendered from: the built-in ones in the repository's
 * `templates/` folder, each overridable by a file of the same name in a user folder. Rendering
 * never HTML-escapes (`noEscape`) and is strict: a template naming a missing field is an error.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Handlebars from 'handlebars';

/** The template files, by name; `client.hbs` is the entry, the others are partials. */
export const TEMPLATE_FILES = ['client.hbs', 'port.hbs', 'operation.hbs', 'named-type.hbs'] as const;

/** The name of one template file. */
export type TemplateName = (typeof TEMPLATE_FILES)[number];

/** A template that cannot be read or rendered; the message names the file. */
export class TemplateError extends Error {
  override readonly name = 'TemplateError';
}

/** The folder of the built-in templates (found upward from this module, in a checkout or a build). */
export function builtinTemplatesDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'templates');
    if (existsSync(join(candidate, 'client.hbs'))) return candidate;
    const parent = dirname(dir);
    if (parent === dir) throw new TemplateError('built-in templates not found (templates/client.hbs)');
    dir = parent;
  }
}

/** The template files in use: each from `userDir` when there, else built in. */
export interface TemplateSet {
  /** Absolute path of each template file, by name. */
  files: Record<TemplateName, string>;
  /** Text of each template file, by name. */
  texts: Record<TemplateName, string>;
  /** The names overridden by the user folder, sorted. */
  overridden: TemplateName[];
}

/** Reads the templates; `userDir` (absolute) overrides file by file. */
export function loadTemplates(userDir: string | null): TemplateSet {
  const builtin = builtinTemplatesDir();
  if (userDir !== null && !existsSync(userDir)) throw new TemplateError(`templates folder not found: ${userDir}`);
  const files = {} as TemplateSet['files'];
  const texts = {} as TemplateSet['texts'];
  const overridden: TemplateName[] = [];
  for (const name of TEMPLATE_FILES) {
    const user = userDir === null ? null : join(userDir, name);
    const path = user !== null && existsSync(user) ? user : join(builtin, name);
    if (path === user) overridden.push(name);
    files[name] = path;
    try {
      texts[name] = readFileSync(path, 'utf8').replace(/\r\n?/g, '\n');
    } catch (e) {
      throw new TemplateError(`cannot read template ${path}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return { files, texts, overridden };
}

/** The compiled templates of a set, with the texts they were compiled from. */
interface CompiledTemplates {
  texts: string[];
  client: HandlebarsTemplateDelegate;
}

/**
 * Compiled templates by template set: one generation renders the client of every service with
 * the same set, and compiling the templates costs more than rendering them. Handlebars compiles
 * on first use, so the same function also keeps the compiled form.
 */
const compiledSets = new WeakMap<TemplateSet, CompiledTemplates>();

function compiled(templates: TemplateSet): HandlebarsTemplateDelegate {
  const texts = TEMPLATE_FILES.map((name) => templates.texts[name]);
  const cached = compiledSets.get(templates);
  if (cached !== undefined && cached.texts.every((t, i) => t === texts[i])) return cached.client;
  const hb = Handlebars.create();
  const options = { noEscape: true, strict: true } as const;
  for (const name of TEMPLATE_FILES) {
    if (name === 'client.hbs') continue;
    try {
      hb.registerPartial(name.replace(/\.hbs$/, ''), hb.compile(templates.texts[name], options));
    } catch (e) {
      throw new TemplateError(`template ${templates.files[name]}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  const client = hb.compile(templates.texts['client.hbs'], options);
  compiledSets.set(templates, { texts, client });
  return client;
}

/** Renders `client.hbs` with its partials. */
export function renderClient(templates: TemplateSet, context: object): string {
  const client = compiled(templates);
  try {
    return client(context);
  } catch (e) {
    throw new TemplateError(`rendering client.ts: ${e instanceof Error ? e.message : String(e)}`);
  }
}
