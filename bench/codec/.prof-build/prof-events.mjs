// bench/codec/.prof-events.tmp.ts
import { readFileSync } from "node:fs";

// runtime/src/errors/volet-error.ts
var VoletError = class extends Error {
  /** A short, stable identifier of the kind of problem. */
  code;
  /**
   * @param code - stable identifier of the problem kind
   * @param message - human-readable description, free of document content by default
   * @param options - standard `ErrorOptions` (for a `cause`)
   */
  constructor(code, message, options) {
    super(message, options);
    this.code = code;
    this.name = new.target.name;
  }
};

// runtime/src/http/https-transport.ts
var DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024;
var WRITE_SLICE = 1024 * 1024;
var SPILL_BYTES = 1024 * 1024;

// runtime/src/xml/namespaces.ts
var XML_NS = "http://www.w3.org/XML/1998/namespace";
var XMLNS_NS = "http://www.w3.org/2000/xmlns/";

// runtime/src/codec/builtins.ts
import { Buffer as Buffer2 } from "node:buffer";
var InvalidValue = class extends Error {
  /** What was expected, for example `xs:int`; never the value itself. */
  expected;
  constructor(expected, why = "") {
    super(why === "" ? `not a valid ${expected}` : `not a valid ${expected}: ${why}`);
    this.expected = expected;
  }
};
function applyWhiteSpace(text, ws) {
  if (ws === 0) return text;
  if (ws === 1) return /[\t\n\r]/.test(text) ? text.replace(/[\t\n\r]/g, " ") : text;
  const len = text.length;
  if (len === 0) return text;
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(len - 1);
  if (first > 32 && last > 32 && !/[\t\n\r]| {2}/.test(text)) return text;
  return text.replace(/[\t\n\r ]+/g, " ").trim();
}
var stringCodec = (name, ws, lexical2) => ({
  name,
  kind: "string",
  whiteSpace: ws,
  parse(text) {
    if (lexical2 !== void 0 && !lexical2.test(text)) throw new InvalidValue(name);
    return text;
  },
  format(value) {
    if (typeof value !== "string") throw new InvalidValue(name, "expected a string");
    if (lexical2 !== void 0 && !lexical2.test(applyWhiteSpace(value, ws))) throw new InvalidValue(name);
    return value;
  }
});
var INTEGER = /^[+-]?[0-9]+$/;
var smallInt = (name, min, max) => ({
  name,
  kind: "number",
  whiteSpace: 2,
  parse(text) {
    if (!INTEGER.test(text)) throw new InvalidValue(name);
    const n2 = Number(text);
    if (n2 < min || n2 > max) throw new InvalidValue(name, "out of range");
    return n2 === 0 ? 0 : n2;
  },
  format(value) {
    if (typeof value !== "number" || !Number.isInteger(value)) throw new InvalidValue(name, "expected an integer number");
    if (value < min || value > max) throw new InvalidValue(name, "out of range");
    return String(value === 0 ? 0 : value);
  }
});
function bigintOf(text) {
  return BigInt(text.charCodeAt(0) === 43 ? text.slice(1) : text);
}
var bigInt = (name, min, max) => {
  const check = (text) => {
    if (!INTEGER.test(text)) throw new InvalidValue(name);
    if (min !== void 0 || max !== void 0) {
      const n2 = bigintOf(text);
      if (min !== void 0 && n2 < min || max !== void 0 && n2 > max) throw new InvalidValue(name, "out of range");
    }
    return text;
  };
  return {
    name,
    kind: "integer",
    whiteSpace: 2,
    parse: check,
    format(value) {
      if (typeof value === "string") return check(applyWhiteSpace(value, 2));
      if (typeof value === "bigint") return check(value.toString());
      if (typeof value === "number" && Number.isSafeInteger(value)) return check(String(value));
      throw new InvalidValue(name, "expected an integer string, a bigint or a safe integer");
    }
  };
};
var DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/;
var decimalCodec = {
  name: "xs:decimal",
  kind: "decimal",
  whiteSpace: 2,
  parse(text) {
    if (!DECIMAL.test(text)) throw new InvalidValue("xs:decimal");
    return text;
  },
  format(value) {
    let text;
    if (typeof value === "string") text = applyWhiteSpace(value, 2);
    else if (typeof value === "bigint") text = value.toString();
    else if (typeof value === "number" && Number.isFinite(value)) text = String(value);
    else throw new InvalidValue("xs:decimal", "expected a decimal string, a bigint or a finite number");
    if (!DECIMAL.test(text)) throw new InvalidValue("xs:decimal");
    return text;
  }
};
var FLOAT = /^([+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]+)?|-?INF|NaN)$/;
var floatCodec = (name) => ({
  name,
  kind: "number",
  whiteSpace: 2,
  parse(text) {
    if (!FLOAT.test(text)) throw new InvalidValue(name);
    if (text === "INF") return Infinity;
    if (text === "-INF") return -Infinity;
    return Number(text);
  },
  format(value) {
    if (typeof value !== "number") throw new InvalidValue(name, "expected a number");
    if (value === Infinity) return "INF";
    if (value === -Infinity) return "-INF";
    if (Number.isNaN(value)) return "NaN";
    return String(value);
  }
});
var booleanCodec = {
  name: "xs:boolean",
  kind: "boolean",
  whiteSpace: 2,
  parse(text) {
    if (text === "true" || text === "1") return true;
    if (text === "false" || text === "0") return false;
    throw new InvalidValue("xs:boolean");
  },
  format(value) {
    if (typeof value !== "boolean") throw new InvalidValue("xs:boolean", "expected a boolean");
    return value ? "true" : "false";
  }
};
function asUint8Array(buffer) {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}
var BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
var base64Codec = {
  name: "xs:base64Binary",
  kind: "binary",
  whiteSpace: 2,
  parse(text) {
    const compact = text.indexOf(" ") < 0 ? text : text.replace(/ /g, "");
    if (!BASE64.test(compact)) throw new InvalidValue("xs:base64Binary");
    return asUint8Array(Buffer2.from(compact, "base64"));
  },
  format(value) {
    if (!(value instanceof Uint8Array)) throw new InvalidValue("xs:base64Binary", "expected a Uint8Array");
    return Buffer2.from(value.buffer, value.byteOffset, value.byteLength).toString("base64");
  }
};
var HEX = /^(?:[0-9a-fA-F]{2})*$/;
var hexCodec = {
  name: "xs:hexBinary",
  kind: "binary",
  whiteSpace: 2,
  parse(text) {
    if (!HEX.test(text)) throw new InvalidValue("xs:hexBinary");
    return asUint8Array(Buffer2.from(text, "hex"));
  },
  format(value) {
    if (!(value instanceof Uint8Array)) throw new InvalidValue("xs:hexBinary", "expected a Uint8Array");
    return Buffer2.from(value.buffer, value.byteOffset, value.byteLength).toString("hex").toUpperCase();
  }
};
var PREFIXED = /^(?:([A-Za-z_][\w.\-]*):)?([A-Za-z_][\w.\-]*)$/u;
var qnameCodec = (name) => ({
  name,
  kind: "qname",
  whiteSpace: 2,
  parse(text, ctx) {
    const m = PREFIXED.exec(text);
    if (m === null) throw new InvalidValue(name);
    const prefix = m[1] ?? "";
    const namespace = ctx.resolve(prefix);
    if (namespace === void 0) {
      if (prefix !== "") throw new InvalidValue(name, "unbound prefix");
      return { namespace: "", local: m[2] };
    }
    return { namespace, local: m[2] };
  },
  format(value, ctx) {
    if (typeof value !== "object" || value === null) throw new InvalidValue(name, "expected { namespace, local }");
    const { namespace, local } = value;
    if (typeof namespace !== "string" || typeof local !== "string" || !PREFIXED.test(local) || local.includes(":")) {
      throw new InvalidValue(name, "expected { namespace, local }");
    }
    const prefix = ctx.prefixFor(namespace);
    return prefix === "" ? local : `${prefix}:${local}`;
  }
});
var TZ = "(Z|[+-][0-9]{2}:[0-9]{2})?";
var lexical = (name, re) => stringCodec(name, 2, new RegExp(`^${re}$`));
var NAME_START = "A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD";
var NAME_CHAR = `${NAME_START}\\-.0-9\\u00B7\\u0300-\\u036F\\u203F-\\u2040`;
var CODECS = [
  stringCodec("xs:string", 0),
  stringCodec("xs:anySimpleType", 0),
  stringCodec("xs:normalizedString", 1),
  stringCodec("xs:token", 2),
  stringCodec("xs:language", 2, /^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$/),
  stringCodec("xs:Name", 2, new RegExp(`^[${NAME_START}][${NAME_CHAR}]*$`)),
  stringCodec("xs:NCName", 2, new RegExp(`^[${NAME_START.replace(":", "")}][${NAME_CHAR.replace(":", "")}]*$`)),
  stringCodec("xs:ID", 2),
  stringCodec("xs:IDREF", 2),
  stringCodec("xs:ENTITY", 2),
  stringCodec("xs:NMTOKEN", 2, new RegExp(`^[${NAME_CHAR}]+$`)),
  stringCodec("xs:anyURI", 2),
  booleanCodec,
  floatCodec("xs:float"),
  floatCodec("xs:double"),
  decimalCodec,
  bigInt("xs:integer"),
  bigInt("xs:nonPositiveInteger", void 0, 0n),
  bigInt("xs:negativeInteger", void 0, -1n),
  bigInt("xs:nonNegativeInteger", 0n),
  bigInt("xs:positiveInteger", 1n),
  bigInt("xs:long", -(2n ** 63n), 2n ** 63n - 1n),
  bigInt("xs:unsignedLong", 0n, 2n ** 64n - 1n),
  smallInt("xs:int", -2147483648, 2147483647),
  smallInt("xs:short", -32768, 32767),
  smallInt("xs:byte", -128, 127),
  smallInt("xs:unsignedInt", 0, 4294967295),
  smallInt("xs:unsignedShort", 0, 65535),
  smallInt("xs:unsignedByte", 0, 255),
  lexical("xs:dateTime", `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`),
  lexical("xs:date", `-?[0-9]{4,}-[0-9]{2}-[0-9]{2}${TZ}`),
  lexical("xs:time", `[0-9]{2}:[0-9]{2}:[0-9]{2}(\\.[0-9]+)?${TZ}`),
  lexical("xs:gYearMonth", `-?[0-9]{4,}-[0-9]{2}${TZ}`),
  lexical("xs:gYear", `-?[0-9]{4,}${TZ}`),
  lexical("xs:gMonthDay", `--[0-9]{2}-[0-9]{2}${TZ}`),
  lexical("xs:gDay", `---[0-9]{2}${TZ}`),
  lexical("xs:gMonth", `--[0-9]{2}${TZ}`),
  lexical("xs:duration", "-?P(?=[0-9T])([0-9]+Y)?([0-9]+M)?([0-9]+D)?(T(?=[0-9])([0-9]+H)?([0-9]+M)?([0-9]+(\\.[0-9]+)?S)?)?"),
  base64Codec,
  hexCodec,
  qnameCodec("xs:QName"),
  qnameCodec("xs:NOTATION")
];
var BY_NAME = new Map(CODECS.map((c) => [c.name, c]));
function builtinCodec(name) {
  return BY_NAME.get(name);
}

// runtime/src/codec/encode.ts
var BASE64_FORMAT = builtinCodec("xs:base64Binary")?.format;

// runtime/src/errors/xml-error.ts
var XmlError = class extends VoletError {
  line;
  column;
  path;
  /**
   * @param code - stable identifier (`malformed`, `doctype`, `encoding`, `limit-depth`, …)
   * @param message - description without document text
   * @param position - where the problem was found
   * @param options - standard `ErrorOptions`
   */
  constructor(code, message, position, options) {
    super(code, formatMessage(message, position), options);
    this.line = position.line;
    this.column = position.column;
    this.path = position.path;
  }
};
function formatMessage(message, position) {
  const where = [];
  if (position.line > 0) where.push(`${position.line}:${position.column}`);
  if (position.path !== "") where.push(position.path);
  return where.length === 0 ? message : `${message} (at ${where.join(", ")})`;
}

// runtime/src/xml/reader.ts
import { TextDecoder as TextDecoder2 } from "node:util";

// runtime/src/xml/limits.ts
var DEFAULT_LIMITS = Object.freeze({
  maxInputBytes: 64 * 1024 * 1024,
  maxDepth: 256,
  maxTextLength: 32 * 1024 * 1024,
  maxAttributes: 256,
  maxElements: 2e6
});
function resolveLimits(limits) {
  return limits === void 0 ? { ...DEFAULT_LIMITS } : { ...DEFAULT_LIMITS, ...limits };
}

// runtime/src/xml/chars.ts
var NAME_START2 = new Uint8Array(128);
var NAME_CHAR2 = new Uint8Array(128);
var TEXT_STOP = new Uint8Array(128);
var ATTR_STOP = new Uint8Array(128);
var RAW_STOP = new Uint8Array(128);
for (let c = 0; c < 128; c++) {
  const letter = c >= 65 && c <= 90 || c >= 97 && c <= 122;
  const start = letter || c === 95 || c === 58;
  NAME_START2[c] = start ? 1 : 0;
  NAME_CHAR2[c] = start || c >= 48 && c <= 57 || c === 45 || c === 46 ? 1 : 0;
  const forbidden = c < 32 && c !== 9 && c !== 10 && c !== 13;
  TEXT_STOP[c] = forbidden || c === 13 || c === 60 || c === 38 || c === 93 ? 1 : 0;
  ATTR_STOP[c] = forbidden || c === 9 || c === 10 || c === 13 || c === 34 || c === 39 || c === 60 || c === 38 ? 1 : 0;
  RAW_STOP[c] = forbidden || c === 13 ? 1 : 0;
}
function isNameStartCodePoint(c) {
  return c >= 192 && c <= 214 || c >= 216 && c <= 246 || c >= 248 && c <= 767 || c >= 880 && c <= 893 || c >= 895 && c <= 8191 || c === 8204 || c === 8205 || c >= 8304 && c <= 8591 || c >= 11264 && c <= 12271 || c >= 12289 && c <= 55295 || c >= 63744 && c <= 64975 || c >= 65008 && c <= 65533 || c >= 65536 && c <= 983039;
}
function isNameCodePoint(c) {
  return isNameStartCodePoint(c) || c === 183 || c >= 768 && c <= 879 || c === 8255 || c === 8256;
}
function isXmlCodePoint(c) {
  return c >= 32 ? c <= 55295 || c >= 57344 && c <= 65533 || c >= 65536 && c <= 1114111 : c === 9 || c === 10 || c === 13;
}
function nameCharWidth(s, i, start) {
  const c = s.charCodeAt(i);
  if (c >= 55296 && c <= 56319) {
    const d = s.charCodeAt(i + 1);
    if (!(d >= 56320 && d <= 57343)) return 0;
    const cp = (c - 55296 << 10) + (d - 56320) + 65536;
    return cp <= 983039 ? 2 : 0;
  }
  return (start ? isNameStartCodePoint(c) : isNameCodePoint(c)) ? 1 : 0;
}
function highCharWidth(s, i) {
  const c = s.charCodeAt(i);
  if (c <= 56319) {
    const d = s.charCodeAt(i + 1);
    return d >= 56320 && d <= 57343 ? 2 : 0;
  }
  if (c <= 57343) return 0;
  return c <= 65533 ? 1 : 0;
}

// runtime/src/xml/name-table.ts
var PLAIN_NAME = 0;
var DEFAULT_DECLARATION = 1;
var PREFIX_DECLARATION = 2;
var QualifiedName = class {
  constructor(raw, prefix, local, kind) {
    this.raw = raw;
    this.prefix = prefix;
    this.local = local;
    this.kind = kind;
  }
  raw;
  prefix;
  local;
  kind;
  /** The generation of the namespace scope in which `prefixUri` was resolved (-1: never). */
  gen = -1;
  /** The prefix's namespace (the default namespace for an unprefixed name) in scope `gen`. */
  prefixUri = void 0;
};
var SIZE = 2048;
var MASK = SIZE - 1;
var table = new Array(SIZE).fill(void 0);
function internName(s, start, end, hash) {
  const slot = hash & MASK;
  const hit = table[slot];
  if (hit !== void 0 && hit.raw.length === end - start) {
    const raw2 = hit.raw;
    let k = 0;
    while (k < raw2.length && raw2.charCodeAt(k) === s.charCodeAt(start + k)) k++;
    if (k === raw2.length) return hit;
  }
  const raw = internalize(s.slice(start, end));
  const colon = raw.indexOf(":");
  let prefix = "";
  let local = raw;
  if (colon >= 0) {
    prefix = internalize(raw.slice(0, colon));
    local = internalize(raw.slice(colon + 1));
    if (prefix === "" || local === "" || local.includes(":")) return void 0;
    const first = local.codePointAt(0);
    if (first < 128 ? NAME_START2[first] === 0 : !isNameStartCodePoint(first)) return void 0;
  }
  const kind = prefix === "xmlns" ? PREFIX_DECLARATION : raw === "xmlns" ? DEFAULT_DECLARATION : PLAIN_NAME;
  const name = new QualifiedName(raw, prefix, local, kind);
  table[slot] = name;
  return name;
}
function internalize(s) {
  for (const key in { [s]: 0 }) return key;
  return s;
}
var generation = 0;
function nextGeneration() {
  return ++generation;
}

// runtime/src/xml/tag.ts
var Attribute = class {
  constructor(name, prefix, local, uri, value) {
    this.name = name;
    this.prefix = prefix;
    this.local = local;
    this.uri = uri;
    this.value = value;
  }
  name;
  prefix;
  local;
  uri;
  value;
};
var NO_ATTRIBUTES = Object.freeze([]);
var Tag = class {
  constructor(name, prefix, local, uri, isSelfClosing, attributeList) {
    this.name = name;
    this.prefix = prefix;
    this.local = local;
    this.uri = uri;
    this.isSelfClosing = isSelfClosing;
    this.attributeList = attributeList;
  }
  name;
  prefix;
  local;
  uri;
  isSelfClosing;
  attributeList;
  byName = null;
  get attributes() {
    if (this.byName === null) {
      const record = /* @__PURE__ */ Object.create(null);
      for (const a of this.attributeList) record[a.name] = a;
      this.byName = record;
    }
    return this.byName;
  }
  get ns() {
    const record = /* @__PURE__ */ Object.create(null);
    for (const a of this.attributeList) {
      if (a.uri === XMLNS_NS) record[a.prefix === "" ? "" : a.local] = a.value.trim();
    }
    return record;
  }
};

// runtime/src/xml/scanner.ts
var TAB = 9;
var LF = 10;
var CR = 13;
var SPACE = 32;
var BANG = 33;
var DQUOTE = 34;
var HASH = 35;
var AMP = 38;
var SQUOTE = 39;
var SLASH = 47;
var SEMICOLON = 59;
var LT = 60;
var EQUALS = 61;
var GT = 62;
var QUESTION = 63;
var RBRACKET = 93;
var LOWER_X = 120;
var MAX_REFERENCE = 64;
var WS_CACHE = 64;
var INDENT_CACHE = 128;
var tabIndents = [];
var spaceIndents = [];
function indentation(indent, count) {
  const cache = indent === TAB ? tabIndents : spaceIndents;
  let text = cache[count];
  if (text === void 0) {
    text = internalize("\n" + (indent === TAB ? "	" : " ").repeat(count));
    for (let k = cache.length; k < count; k++) cache.push(internalize("\n" + (indent === TAB ? "	" : " ").repeat(k)));
    cache[count] = text;
  }
  return text;
}
var PREDEFINED = Object.assign(/* @__PURE__ */ Object.create(null), {
  lt: "<",
  gt: ">",
  amp: "&",
  apos: "'",
  quot: '"'
});
function matchesAt(s, at, part) {
  const len = part.length;
  if (at + len > s.length) return false;
  for (let k = 0; k < len; k++) if (s.charCodeAt(at + k) !== part.charCodeAt(k)) return false;
  return true;
}
function normaliseLineEnds(s) {
  if (s.indexOf("\r") < 0) return s;
  let out = "";
  let seg = 0;
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) !== CR) continue;
    out += s.slice(seg, i) + "\n";
    if (s.charCodeAt(i + 1) === LF) i++;
    seg = i + 1;
  }
  return out + s.slice(seg);
}
var XmlScanner = class {
  /** The handler receiving events; a handler may replace itself to hand a subtree to another one. */
  handler;
  /** The limits in force. */
  limits;
  /** Current element depth (1 inside the root element). */
  depth = 0;
  /**
   * During {@link XmlHandler.text}: true when the text is known to be white space only (the
   * indentation between elements), so a handler can skip checking it. False says nothing.
   */
  textIsWhitespace = false;
  /** The text being scanned. */
  buf = "";
  /** Where scanning resumes in `buf`. */
  pos = 0;
  /** Offset in `buf` just after the token being reported: the position handlers see. */
  at = 0;
  /** Set when text stopped before the end of `buf` because it needs more input. */
  stalled = false;
  /** True while nothing has been consumed: an XML declaration is only allowed here. */
  atDocumentStart = true;
  /** True when the input came as bytes: the declaration must then name UTF-8, if any encoding. */
  bytes = false;
  sawRoot = false;
  rootClosed = false;
  elements = 0;
  /** Characters of the current text node already scanned in earlier chunks, and their text. */
  textRun = 0;
  textBefore = "";
  tags = [];
  /** Per open element, `nsTop` before its declarations. */
  marks = [];
  nsPrefixes = ["xml", "xmlns"];
  nsUris = [XML_NS, XMLNS_NS];
  nsTop = 2;
  nsGen = nextGeneration();
  /** Out-values of the helpers (no allocation for multiple results). */
  hash = 0;
  value = "";
  refText = "";
  /** The current start tag's attributes while it is scanned. */
  attrNames = [];
  attrValues = [];
  wsRaw = new Array(WS_CACHE + 1).fill("");
  wsText = new Array(WS_CACHE + 1).fill("");
  /** Line bookkeeping, computed lazily: `line` is the line at offset `counted`, which starts at `lineStart`. */
  line = 1;
  lineStart = 0;
  counted = 0;
  /** The same at offset 0 of `buf`. */
  baseLine = 1;
  baseLineStart = 0;
  /**
   * @param handler - the first handler
   * @param limits - the limits in force
   */
  constructor(handler2, limits) {
    this.handler = handler2;
    this.limits = limits;
  }
  /** Resolves a prefix in the current scope (during `closeTag`, the closing element's scope); `''` is the default namespace. */
  resolve(prefix) {
    const prefixes = this.nsPrefixes;
    for (let k = this.nsTop - 1; k >= 0; k--) if (prefixes[k] === prefix) return this.nsUris[k];
    return void 0;
  }
  /** The current position: line, column and element path. */
  position() {
    this.countLines(this.at);
    return { line: this.line, column: this.at - this.lineStart, path: this.pathOf(0, "") };
  }
  /** The element path, for example `/soap:Envelope/S:Body/RESULTAT`, names as written. */
  path() {
    return this.pathOf(0, "");
  }
  /** Makes an {@link XmlError} at the current position. */
  error(code, message) {
    return new XmlError(code, message, this.position());
  }
  /** Forgets `buf` before `keep` (the reader is about to replace it), keeping positions right. */
  rebase(keep) {
    this.countLines(keep);
    this.lineStart -= keep;
    this.counted = 0;
    this.baseLine = this.line;
    this.baseLineStart = this.lineStart;
    this.at = Math.max(0, this.at - keep);
  }
  /** An error at offset `offset` of `buf` (the column is that of the character before it). */
  failAt(code, message, offset, drop = 0, extra = "") {
    this.countLines(offset);
    return new XmlError(code, message, { line: this.line, column: offset - this.lineStart, path: this.pathOf(drop, extra) });
  }
  /** A well-formedness error at the character at `index`. */
  malformed(index, message) {
    return this.failAt("malformed", message, index + 1);
  }
  pathOf(drop, extra) {
    let p = "";
    const end = this.depth - drop;
    for (let k = 0; k < end; k++) p += "/" + this.tags[k].name;
    return extra === "" ? p : `${p}/${extra}`;
  }
  countLines(to) {
    const s = this.buf;
    if (to < this.counted) {
      this.line = this.baseLine;
      this.lineStart = this.baseLineStart;
      this.counted = 0;
    }
    const from = this.counted;
    let line = this.line;
    let start = this.lineStart;
    for (let k = s.indexOf("\n", from); k >= 0 && k < to; k = s.indexOf("\n", k + 1)) {
      line++;
      start = k + 1;
    }
    for (let k = s.indexOf("\r", from); k >= 0 && k < to; k = s.indexOf("\r", k + 1)) {
      if (s.charCodeAt(k + 1) !== LF) {
        line++;
        if (k + 1 > start) start = k + 1;
      }
    }
    this.line = line;
    this.lineStart = start;
    this.counted = Math.max(from, Math.min(to, s.length));
  }
  /**
   * Scans `buf` from `pos` as far as it can; `final` when no input follows (a cut token is then an
   * error, and the document must be complete).
   */
  scan(final) {
    const s = this.buf;
    const n2 = s.length;
    let i = this.pos;
    this.stalled = false;
    while (i < n2) {
      if (s.charCodeAt(i) === LT) {
        if (this.textBefore !== "") this.emitText("", i);
        const c = s.charCodeAt(i + 1);
        let next;
        if (c === SLASH) next = this.endTag(s, i, n2);
        else if (c === BANG) next = this.markupDeclaration(s, i, n2);
        else if (c === QUESTION) next = this.processingInstruction(s, i, n2);
        else if (i + 1 < n2) next = this.startTag(s, i, n2);
        else next = -1;
        if (next < 0) {
          if (final) throw this.malformed(n2 - 1, "unexpected end of the input inside markup");
          break;
        }
        i = next;
        this.textRun = 0;
      } else {
        i = this.depth > 0 ? this.text(s, i, n2, final) : this.outsideText(s, i, n2);
        if (this.stalled) break;
      }
    }
    this.pos = i;
    if (i > 0) this.atDocumentStart = false;
    if (final) this.finish(n2);
  }
  finish(n2) {
    if (this.depth > 0) {
      throw this.failAt("malformed", `unclosed element <${this.tags[this.depth - 1].name}> (unexpected end of the input)`, n2);
    }
    if (!this.sawRoot) throw this.failAt("malformed", "no root element (unexpected end of the input)", n2);
  }
  // ---------------------------------------------------------------- text
  /** Text before or after the root element: white space only, not reported. */
  outsideText(s, i, n2) {
    let c = s.charCodeAt(i);
    while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
    if (i < n2 && c !== LT) throw this.malformed(i, this.rootClosed ? "text after the root element" : "text before the root element");
    return i;
  }
  /** Text inside the root element, from `i` (not `<`). Returns where it ends. */
  text(s, i, n2, final) {
    const start = i;
    const budget = this.limits.maxTextLength - this.textRun;
    const stop = n2 - start > budget ? start + budget + 1 : n2;
    let c = s.charCodeAt(i);
    if (c === LF || c === CR) {
      let j = i + 1;
      if (c === CR && s.charCodeAt(j) === LF) j++;
      const indent = s.charCodeAt(j);
      let k = j;
      if (indent === TAB || indent === SPACE) {
        do
          k++;
        while (s.charCodeAt(k) === indent);
      }
      if (s.charCodeAt(k) === LT && k < stop && k - j < INDENT_CACHE) {
        this.textIsWhitespace = true;
        this.emitText(indentation(indent, k - j), k);
        return k;
      }
    }
    while ((c === SPACE || c === LF || c === CR || c === TAB) && i < stop) c = s.charCodeAt(++i);
    if (c === LT && i < stop) {
      this.whitespace(s, start, i);
      return i;
    }
    i = start;
    while (i < stop) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (TEXT_STOP[c] !== 0) break;
      } else if (c >= 55296) break;
      i++;
    }
    this.textIsWhitespace = false;
    if (i < stop && c === LT) {
      this.emitText(s.slice(start, i), i);
      return i;
    }
    return this.textSlow(s, start, i, n2, stop, final);
  }
  /** Reports a white-space-only text node, reusing the string of the last one of that length. */
  whitespace(s, start, end) {
    const len = end - start;
    let text;
    if (len <= WS_CACHE) {
      const raw = this.wsRaw[len];
      if (raw.length === len && matchesAt(s, start, raw)) {
        text = this.wsText[len];
      } else {
        const r = s.slice(start, end);
        text = internalize(normaliseLineEnds(r));
        this.wsRaw[len] = r;
        this.wsText[len] = text;
      }
    } else {
      text = normaliseLineEnds(s.slice(start, end));
    }
    this.textIsWhitespace = true;
    this.emitText(text, end);
  }
  /** Reports a complete text node, ending at `end`. */
  emitText(text, end) {
    if (this.textBefore !== "") {
      text = this.textBefore + text;
      this.textBefore = "";
      this.textIsWhitespace = false;
    }
    this.at = end;
    this.handler.text(text);
  }
  /** Text with references, line ends, `]`, surrogates or an end of buffer: built piece by piece. */
  textSlow(s, start, i, n2, stop, final) {
    let out = "";
    let seg = start;
    for (; ; ) {
      if (i >= stop) {
        if (stop < n2) throw this.failAt("limit-text", `a text node longer than ${this.limits.maxTextLength} characters`, stop);
        this.partialText(out + s.slice(seg, n2), start, n2);
        return n2;
      }
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (TEXT_STOP[c] === 0) {
          i++;
          continue;
        }
        if (c === LT) {
          this.emitText(out + s.slice(seg, i), i);
          return i;
        }
        if (c === AMP) {
          const next = this.reference(s, i, n2);
          if (next < 0) {
            if (final) throw this.malformed(i, "unterminated reference (unexpected end of the input)");
            return this.stall(out + s.slice(seg, i), start, i);
          }
          out += s.slice(seg, i) + this.refText;
          i = seg = next;
          continue;
        }
        if (c === CR) {
          out += s.slice(seg, i) + "\n";
          i++;
          if (s.charCodeAt(i) === LF) i++;
          seg = i;
          continue;
        }
        if (c === RBRACKET) {
          if (s.charCodeAt(i + 1) === RBRACKET) {
            if (i + 2 >= n2 && !final) return this.stall(out + s.slice(seg, i), start, i);
            if (s.charCodeAt(i + 2) === GT) throw this.malformed(i, "]]> is not allowed in text");
          } else if (i + 1 >= n2 && !final) {
            return this.stall(out + s.slice(seg, i), start, i);
          }
          i++;
          continue;
        }
        throw this.malformed(i, "a control character XML does not allow");
      }
      if (c < 55296) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, "a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)");
      i += w;
    }
  }
  /**
   * Keeps the text of `s[start, end)` (given as `text`) when its node goes on in the next chunk:
   * a node is reported in one piece. Bounded by the text limit, which counts it.
   */
  partialText(text, start, end) {
    this.textRun += end - start;
    this.textBefore += text;
    this.at = end;
  }
  /** Stops text at `i` until more input comes, keeping what precedes. */
  stall(text, start, i) {
    this.partialText(text, start, i);
    this.stalled = true;
    return i;
  }
  /**
   * A reference at `amp`: sets `refText` and returns the index after `;`, or -1 when the buffer
   * ends first.
   */
  reference(s, amp, n2) {
    let i = amp + 1;
    const limit = amp + MAX_REFERENCE;
    if (s.charCodeAt(i) === HASH) {
      i++;
      const hex = s.charCodeAt(i) === LOWER_X;
      if (hex) i++;
      const digits = i;
      let cp = 0;
      let c = s.charCodeAt(i);
      for (; ; ) {
        let d;
        if (c >= 48 && c <= 57) d = c - 48;
        else if (hex && c >= 97 && c <= 102) d = c - 87;
        else if (hex && c >= 65 && c <= 70) d = c - 55;
        else break;
        cp = cp * (hex ? 16 : 10) + d;
        if (cp > 1114111) cp = 1114112;
        if (++i > limit) throw this.malformed(amp, "character reference too long");
        c = s.charCodeAt(i);
      }
      if (i >= n2) return -1;
      if (c !== SEMICOLON || i === digits) throw this.malformed(amp, "malformed character reference");
      if (!isXmlCodePoint(cp)) throw this.malformed(amp, "character reference to a character XML does not allow");
      this.refText = String.fromCodePoint(cp);
      return i + 1;
    }
    const semi = s.indexOf(";", i);
    if (semi < 0 || semi > i + 5) {
      if (n2 - i <= 5 && semi < 0) return -1;
      throw this.malformed(amp, "& must start a reference (undefined entity or missing ;)");
    }
    const replacement = PREDEFINED[s.slice(i, semi)];
    if (replacement === void 0) throw this.malformed(amp, "undefined entity (only lt, gt, amp, apos and quot exist without a DTD)");
    this.refText = replacement;
    return semi + 1;
  }
  // ---------------------------------------------------------------- names
  /** Scans a Name from `i` and sets `hash`; returns its end (`i` itself only at the end of the buffer). */
  nameEnd(s, i, n2) {
    let c = s.charCodeAt(i);
    let h = c;
    if (c < 128) {
      if (NAME_START2[c] === 0) throw this.malformed(i, "a name was expected");
      i++;
    } else {
      if (i >= n2) return i;
      const w = nameCharWidth(s, i, true);
      if (w === 0) throw this.malformed(i, "a name cannot start with this character");
      i += w;
    }
    for (; ; ) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (NAME_CHAR2[c] === 0) break;
        i++;
      } else if (i < n2) {
        const w = nameCharWidth(s, i, false);
        if (w === 0) break;
        i += w;
      } else {
        break;
      }
      h = h * 31 + c | 0;
    }
    this.hash = h ^ h >>> 11;
    return i;
  }
  /** The namespace of a name's prefix in the current scope, cached on the interned name. */
  prefixUri(name) {
    if (name.gen === this.nsGen) return name.prefixUri;
    const uri = this.resolve(name.prefix);
    name.gen = this.nsGen;
    name.prefixUri = uri;
    return uri;
  }
  // ---------------------------------------------------------------- tags
  /** A start tag at `lt`; returns the index after it, or -1 when the buffer ends first. */
  startTag(s, lt, n2) {
    let i = this.nameEnd(s, lt + 1, n2);
    if (i >= n2) return -1;
    const name = internName(s, lt + 1, i, this.hash);
    if (name === void 0) throw this.malformed(lt + 1, `element name ${s.slice(lt + 1, i)} is not a qualified name (Namespaces in XML)`);
    const names = this.attrNames;
    const values = this.attrValues;
    const maxAttributes = this.limits.maxAttributes;
    let count = 0;
    let declarations = false;
    let selfClosing = false;
    for (; ; ) {
      let c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n2) return -1;
        if (s.charCodeAt(i + 1) !== GT) throw this.malformed(i, "expected /> to end an empty-element tag");
        i += 2;
        selfClosing = true;
        break;
      }
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) {
        if (i >= n2) return -1;
        throw this.malformed(i, "expected white space, > or /> in a start tag");
      }
      do
        c = s.charCodeAt(++i);
      while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c === GT || c === SLASH) continue;
      if (i >= n2) return -1;
      const nameStart = i;
      i = this.nameEnd(s, i, n2);
      if (i >= n2) return -1;
      const attrName = internName(s, nameStart, i, this.hash);
      if (attrName === void 0) throw this.malformed(nameStart, `attribute name ${s.slice(nameStart, i)} is not a qualified name (Namespaces in XML)`);
      c = s.charCodeAt(i);
      while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
      if (c !== EQUALS) {
        if (i >= n2) return -1;
        throw this.malformed(i, "expected = after an attribute name");
      }
      do
        c = s.charCodeAt(++i);
      while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c !== DQUOTE && c !== SQUOTE) {
        if (i >= n2) return -1;
        throw this.malformed(i, "an attribute value must be quoted");
      }
      const quote = c;
      const valueStart = ++i;
      for (; ; ) {
        c = s.charCodeAt(i);
        if (c < 128) {
          if (ATTR_STOP[c] !== 0) break;
        } else if (c >= 55296 || i >= n2) break;
        i++;
      }
      let value;
      if (c === quote) {
        value = s.slice(valueStart, i);
        i++;
      } else {
        i = this.attributeValue(s, valueStart, i, n2, quote);
        if (i < 0) return -1;
        value = this.value;
      }
      if (count === maxAttributes) throw this.failAt("limit-attributes", `more than ${maxAttributes} attributes on one element`, i);
      if (i - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a start tag longer than ${this.limits.maxTextLength} characters`, i);
      names[count] = attrName;
      values[count] = value;
      count++;
      if (attrName.kind !== PLAIN_NAME) declarations = true;
    }
    if (i - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a start tag longer than ${this.limits.maxTextLength} characters`, i);
    this.openElement(name, count, declarations, selfClosing, i);
    return i;
  }
  /** An attribute value with references, white space to normalise, the other quote or surrogates. */
  attributeValue(s, start, i, n2, quote) {
    let out = "";
    let seg = start;
    for (; ; ) {
      if (i >= n2) return -1;
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (c === quote) {
          this.value = seg === start ? s.slice(start, i) : out + s.slice(seg, i);
          return i + 1;
        }
        if (ATTR_STOP[c] === 0 || c === DQUOTE || c === SQUOTE) {
          i++;
          continue;
        }
        if (c === AMP) {
          const next = this.reference(s, i, n2);
          if (next < 0) return -1;
          out += s.slice(seg, i) + this.refText;
          i = seg = next;
          continue;
        }
        if (c === TAB || c === LF || c === CR) {
          out += s.slice(seg, i) + " ";
          i++;
          if (c === CR && s.charCodeAt(i) === LF) i++;
          seg = i;
          continue;
        }
        if (c === LT) throw this.malformed(i, "< is not allowed in an attribute value");
        throw this.malformed(i, "a control character XML does not allow");
      }
      if (c < 55296) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, "a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)");
      i += w;
    }
  }
  /** A complete start tag (ending just before `end`): namespaces, checks, events. */
  openElement(name, count, declarations, selfClosing, end) {
    const depth = this.depth;
    if (depth === 0) {
      if (this.rootClosed) throw this.failAt("malformed", "a second root element (content after the root element)", end);
      this.sawRoot = true;
    }
    if (depth >= this.limits.maxDepth) throw this.failAt("limit-depth", `element nesting deeper than ${this.limits.maxDepth}`, end, 0, name.raw);
    if (++this.elements > this.limits.maxElements) throw this.failAt("limit-elements", `more than ${this.limits.maxElements} elements`, end);
    const mark = this.nsTop;
    if (declarations) this.declare(count, end);
    let uri;
    if (name.prefix === "") {
      uri = this.prefixUri(name) ?? "";
    } else {
      const resolved = this.prefixUri(name);
      if (resolved === void 0) throw this.failAt("malformed", `unbound namespace prefix ${name.prefix} on element ${name.raw}`, end);
      if (name.prefix === "xmlns") throw this.failAt("malformed", "an element name may not have the prefix xmlns", end);
      uri = resolved;
    }
    const attributes = count === 0 ? NO_ATTRIBUTES : this.attributes(count, end);
    const tag = new Tag(name.raw, name.prefix, name.local, uri, selfClosing, attributes);
    this.tags[depth] = tag;
    this.marks[depth] = mark;
    this.depth = depth + 1;
    this.at = end;
    this.handler.openTag(tag);
    if (selfClosing) this.closeElement(tag);
  }
  /** Puts the namespace declarations of the tag being opened in scope. */
  declare(count, end) {
    const names = this.attrNames;
    for (let k = 0; k < count; k++) {
      const name = names[k];
      if (name.kind === PLAIN_NAME) continue;
      const uri = internalize(this.attrValues[k].trim());
      const prefix = name.kind === DEFAULT_DECLARATION ? "" : name.local;
      if (name.kind === PREFIX_DECLARATION && uri === "") {
        throw this.failAt("malformed", `a prefix cannot be undeclared in XML 1.0 (xmlns:${prefix}="")`, end);
      }
      if (prefix === "xml" ? uri !== XML_NS : prefix === "xmlns" || uri === XML_NS || uri === XMLNS_NS) {
        throw this.failAt("malformed", `reserved namespace misused: ${name.raw} may not be bound to ${uri === "" ? "no namespace" : uri}`, end);
      }
      this.nsPrefixes[this.nsTop] = prefix;
      this.nsUris[this.nsTop] = uri;
      this.nsTop++;
    }
    this.nsGen = nextGeneration();
  }
  /** The attribute objects of the tag being opened, names resolved, duplicates refused. */
  attributes(count, end) {
    const names = this.attrNames;
    const values = this.attrValues;
    const list = new Array(count);
    for (let k = 0; k < count; k++) {
      const name = names[k];
      let uri;
      if (name.kind !== PLAIN_NAME) uri = XMLNS_NS;
      else if (name.prefix === "") uri = "";
      else {
        const resolved = this.prefixUri(name);
        if (resolved === void 0) throw this.failAt("malformed", `unbound namespace prefix ${name.prefix} on attribute ${name.raw}`, end);
        uri = resolved;
      }
      const local = name.local;
      if (count <= 16) {
        for (let j = 0; j < k; j++) {
          const other = list[j];
          if (other.local === local && other.uri === uri) throw this.failAt("malformed", `duplicate attribute ${name.raw}`, end);
        }
      }
      list[k] = new Attribute(name.raw, name.prefix, local, uri, values[k]);
    }
    if (count > 16) {
      const seen = /* @__PURE__ */ new Set();
      for (const a of list) {
        const key = `{${a.uri}}${a.local}`;
        if (seen.has(key)) throw this.failAt("malformed", `duplicate attribute ${a.name}`, end);
        seen.add(key);
      }
    }
    return list;
  }
  /** An end tag at `lt`; returns the index after it, or -1 when the buffer ends first. */
  endTag(s, lt, n2) {
    const depth = this.depth;
    const start = lt + 2;
    if (depth === 0) {
      if (start >= n2) return -1;
      throw this.malformed(lt, "an end tag without a start tag");
    }
    const tag = this.tags[depth - 1];
    const expected = tag.name;
    let i = start + expected.length;
    if (i >= n2 && expected.startsWith(s.slice(start, n2))) return -1;
    let c = s.charCodeAt(i);
    if (i >= n2 || !matchesAt(s, start, expected) || (c < 128 ? NAME_CHAR2[c] !== 0 : nameCharWidth(s, i, false) !== 0)) {
      const end = this.nameEnd(s, start, n2);
      if (end >= n2) return -1;
      throw this.failAt("malformed", `end tag </${s.slice(start, end)}> does not match start tag <${expected}>`, end, 1);
    }
    while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
    if (c !== GT) {
      if (i >= n2) return -1;
      throw this.malformed(i, "expected > to end an end tag");
    }
    this.at = i + 1;
    this.closeElement(tag);
    return i + 1;
  }
  /** Reports the end of the innermost element and leaves its scope. */
  closeElement(tag) {
    this.handler.closeTag(tag);
    const depth = --this.depth;
    const mark = this.marks[depth];
    if (mark !== this.nsTop) {
      this.nsTop = mark;
      this.nsGen = nextGeneration();
    }
    if (depth === 0) this.rootClosed = true;
  }
  // ---------------------------------------------------------------- other markup
  /** `<!`: a comment or a CDATA section; a DOCTYPE is refused. */
  markupDeclaration(s, lt, n2) {
    if (s.startsWith("<!--", lt)) return this.comment(s, lt, n2);
    if (s.startsWith("<![CDATA[", lt)) return this.cdata(s, lt, n2);
    if (s.startsWith("<!DOCTYPE", lt)) {
      throw this.failAt("doctype", "DOCTYPE declarations are not accepted (no DTD, no entity declarations)", lt + 1);
    }
    const seen = s.slice(lt, Math.min(n2, lt + 9));
    if (n2 - lt < 9 && ("<!DOCTYPE".startsWith(seen) || "<![CDATA[".startsWith(seen) || "<!--".startsWith(seen))) return -1;
    throw this.malformed(lt, "unknown markup declaration (<! must start a comment or a CDATA section)");
  }
  comment(s, lt, n2) {
    const from = lt + 4;
    const end = s.indexOf("-->", from);
    if (end < 0) {
      if (n2 - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a comment longer than ${this.limits.maxTextLength} characters`, n2);
      return -1;
    }
    if (end - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a comment longer than ${this.limits.maxTextLength} characters`, end);
    const dashes = s.indexOf("--", from);
    if (dashes < end) throw this.malformed(dashes, "-- is not allowed inside a comment");
    const text = this.rawSection(s, from, end);
    const handler2 = this.handler;
    if (this.depth > 0 && handler2.comment !== void 0) {
      this.at = end + 3;
      handler2.comment(text);
    }
    return end + 3;
  }
  cdata(s, lt, n2) {
    if (this.depth === 0) throw this.malformed(lt, "a CDATA section outside the root element");
    const from = lt + 9;
    const end = s.indexOf("]]>", from);
    if (end < 0) {
      if (n2 - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a CDATA section longer than ${this.limits.maxTextLength} characters`, n2);
      return -1;
    }
    if (end - from > this.limits.maxTextLength) throw this.failAt("limit-text", `a CDATA section longer than ${this.limits.maxTextLength} characters`, end);
    const text = this.rawSection(s, from, end);
    const handler2 = this.handler;
    this.at = end + 3;
    if (handler2.cdata !== void 0) {
      handler2.cdata(text);
    } else {
      this.textIsWhitespace = false;
      handler2.text(text);
    }
    return end + 3;
  }
  /** `<?`: the XML declaration at the very start, otherwise a processing instruction (checked, dropped). */
  processingInstruction(s, lt, n2) {
    const targetStart = lt + 2;
    const targetEnd = this.nameEnd(s, targetStart, n2);
    if (targetEnd >= n2) return -1;
    const target = s.slice(targetStart, targetEnd);
    const end = s.indexOf("?>", targetEnd);
    if (end < 0) {
      if (n2 - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a processing instruction longer than ${this.limits.maxTextLength} characters`, n2);
      return -1;
    }
    if (target.toLowerCase() === "xml") {
      if (lt !== 0 || !this.atDocumentStart) throw this.malformed(lt, "an XML declaration is only allowed at the very start of the document");
      this.declaration(s, lt, end);
      return end + 2;
    }
    if (target.includes(":")) throw this.malformed(targetStart, "a processing instruction target may not contain a colon (Namespaces in XML)");
    const c = s.charCodeAt(targetEnd);
    if (end !== targetEnd && c !== SPACE && c !== LF && c !== CR && c !== TAB) {
      throw this.malformed(targetEnd, "expected white space or ?> after a processing instruction target");
    }
    if (end - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a processing instruction longer than ${this.limits.maxTextLength} characters`, end);
    this.rawSection(s, targetEnd, end);
    return end + 2;
  }
  /** Checks the XML declaration `s[lt, end + 2)`: version 1.0, and UTF-8 if bytes were given. */
  declaration(s, lt, end) {
    const decl = s.slice(lt, end + 2);
    const match = XML_DECLARATION.exec(decl);
    if (match === null) throw this.malformed(lt, "malformed XML declaration (version 1.0, then optional encoding and standalone)");
    const encoding = match[1] ?? match[2];
    if (encoding !== void 0 && this.bytes && !/^utf-?8$/i.test(encoding)) {
      throw this.failAt("encoding", "only UTF-8 input is accepted (the XML declaration names another encoding)", end + 2);
    }
  }
  /** Checks the characters of `s[from, to)` and returns them with line ends normalised. */
  rawSection(s, from, to) {
    let out = "";
    let seg = from;
    let i = from;
    while (i < to) {
      const c = s.charCodeAt(i);
      if (c < 128) {
        if (RAW_STOP[c] === 0) {
          i++;
          continue;
        }
        if (c !== CR) throw this.malformed(i, "a control character XML does not allow");
        out += s.slice(seg, i) + "\n";
        i++;
        if (s.charCodeAt(i) === LF) i++;
        seg = i;
        continue;
      }
      if (c < 55296) {
        i++;
        continue;
      }
      const w = highCharWidth(s, i);
      if (w === 0) throw this.malformed(i, "a character XML does not allow (unpaired surrogate, U+FFFE or U+FFFF)");
      i += w;
    }
    return seg === from ? s.slice(from, to) : out + s.slice(seg, to);
  }
};
var S = "[ \\t\\r\\n]";
var XML_DECLARATION = new RegExp(
  `^<\\?xml${S}+version${S}*=${S}*(?:"1\\.0"|'1\\.0')(?:${S}+encoding${S}*=${S}*(?:"([A-Za-z][A-Za-z0-9._-]*)"|'([A-Za-z][A-Za-z0-9._-]*)'))?(?:${S}+standalone${S}*=${S}*(?:"(?:yes|no)"|'(?:yes|no)'))?${S}*\\?>$`
);

// runtime/src/xml/token-end.ts
var DQUOTE2 = 34;
var SQUOTE2 = 39;
var DASH = 45;
var GT2 = 62;
var QUESTION2 = 63;
var RBRACKET2 = 93;
var TAG = 0;
var COMMENT = 1;
var CDATA = 2;
var PI = 3;
var TokenEnd = class _TokenEnd {
  constructor(kind) {
    this.kind = kind;
  }
  kind;
  /** Tag: the quote of the attribute value being read, 0 outside values. */
  quote = 0;
  /** Comment, CDATA, PI: how many characters of the terminator's beginning end the text so far. */
  run = 0;
  /**
   * The finder for the token starting at `s[start]` (a `<`), already run over the rest of `s`;
   * null when `s` does not show yet what the token is.
   */
  static at(s, start) {
    let kind;
    let from;
    if (s.startsWith("<!--", start)) [kind, from] = [COMMENT, start + 4];
    else if (s.startsWith("<![CDATA[", start)) [kind, from] = [CDATA, start + 9];
    else if (s.startsWith("<?", start)) [kind, from] = [PI, start + 2];
    else if (s.charCodeAt(start) === 60 && s.charCodeAt(start + 1) !== 33) [kind, from] = [TAG, start + 1];
    else return null;
    const finder = new _TokenEnd(kind);
    return finder.find(s, from) < 0 ? finder : null;
  }
  /** The index just after the token's end in `s` (scanning from `from`), or -1 when it is not there. */
  find(s, from) {
    const n2 = s.length;
    if (this.kind === TAG) {
      let quote = this.quote;
      for (let i = from; i < n2; i++) {
        const c = s.charCodeAt(i);
        if (quote !== 0) {
          if (c === quote) quote = 0;
        } else if (c === DQUOTE2 || c === SQUOTE2) {
          quote = c;
        } else if (c === GT2) {
          return i + 1;
        }
      }
      this.quote = quote;
      return -1;
    }
    const mark = this.kind === COMMENT ? DASH : this.kind === CDATA ? RBRACKET2 : QUESTION2;
    const needed = this.kind === PI ? 1 : 2;
    let run = this.run;
    for (let i = from; i < n2; i++) {
      const c = s.charCodeAt(i);
      if (c === GT2 && run >= needed) return i + 1;
      run = c === mark ? run + 1 : 0;
    }
    this.run = run;
    return -1;
  }
};

// runtime/src/xml/reader.ts
var CR2 = 13;
var SET_ASIDE = 4096;
var XmlReader = class extends XmlScanner {
  inputSize = 0;
  decoder;
  done = false;
  started = false;
  /** A last character held back from a chunk: a CR (maybe CR LF) or a high surrogate (maybe a pair). */
  held = "";
  /** A long token being set aside until its end arrives. */
  pending = null;
  pendingParts = [];
  pendingLength = 0;
  /**
   * @param handler - the first handler (usually the one for the root element)
   * @param options - limits
   */
  constructor(handler2, options = {}) {
    super(handler2, resolveLimits(options.limits));
  }
  /** Feeds a chunk: a string, or UTF-8 bytes (string and byte chunks must not be mixed). */
  write(chunk) {
    if (this.done) throw new XmlError("malformed", "write after end", this.position());
    if (typeof chunk === "string") {
      this.count(chunk.length);
      if (!this.started && chunk.length > 0) {
        this.started = true;
        if (chunk.charCodeAt(0) === 65279) chunk = chunk.slice(1);
      }
      this.push(chunk);
      return;
    }
    this.bytes = true;
    this.count(chunk.byteLength);
    const decoder = this.decoder ??= new TextDecoder2("utf-8", { fatal: true });
    let text;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      throw this.error("encoding", "the input is not valid UTF-8");
    }
    this.push(text);
  }
  /** Ends the input: checks that the document is complete. */
  end() {
    if (this.done) return;
    this.done = true;
    let rest = "";
    if (this.decoder !== void 0) {
      try {
        rest = this.decoder.decode();
      } catch {
        throw this.error("encoding", "the input is not valid UTF-8 (truncated sequence at the end)");
      }
    }
    const text = this.held + rest;
    this.held = "";
    if (text === "" && this.pending === null) this.scan(true);
    else this.feed(text, true);
  }
  count(size) {
    this.inputSize += size;
    if (this.inputSize > this.limits.maxInputBytes) {
      throw this.error("limit-input", `input larger than ${this.limits.maxInputBytes}`);
    }
  }
  /** Holds back a last character whose meaning depends on the next one, then feeds. */
  push(text) {
    if (this.held !== "") {
      text = this.held + text;
      this.held = "";
    }
    const last = text.charCodeAt(text.length - 1);
    if (last === CR2 || last >= 55296 && last <= 56319) {
      this.held = text.slice(-1);
      text = text.slice(0, -1);
    }
    if (text.length > 0) this.feed(text, false);
  }
  feed(text, final) {
    const pending = this.pending;
    if (pending !== null) {
      this.pendingLength += text.length;
      this.pendingParts.push(text);
      if (pending.find(text, 0) < 0 && !final) {
        if (this.pendingLength > this.limits.maxTextLength) {
          throw this.error("limit-text", `a token (tag, comment, CDATA or processing instruction) longer than ${this.limits.maxTextLength} characters`);
        }
        return;
      }
      this.buf = this.pendingParts.join("");
      this.pendingParts = [];
      this.pending = null;
    } else {
      const keep = this.pos;
      this.rebase(keep);
      this.buf = keep < this.buf.length ? this.buf.slice(keep) + text : text;
    }
    this.pos = 0;
    this.scan(final);
    if (!final) this.setAside();
  }
  /** Sets a long unfinished token aside, so that the next chunks are not joined to it one by one. */
  setAside() {
    const rest = this.buf.length - this.pos;
    if (rest <= SET_ASIDE) return;
    const finder = TokenEnd.at(this.buf, this.pos);
    if (finder === null) return;
    this.rebase(this.pos);
    this.pendingParts = [this.buf.slice(this.pos)];
    this.pendingLength = rest;
    this.pending = finder;
    this.buf = "";
    this.pos = 0;
    if (rest > this.limits.maxTextLength) {
      throw this.error("limit-text", `a token (tag, comment, CDATA or processing instruction) longer than ${this.limits.maxTextLength} characters`);
    }
  }
};
function readXml(input, handler2, options) {
  const reader = new XmlReader(handler2, options);
  reader.write(input);
  reader.end();
  return reader;
}
var shapeKeepers = [];
shapeKeepers.push(
  readXml('<a xmlns:p="urn:p" p:x="1" y="2"><b>t&amp;</b><![CDATA[c]]><!--c--><p:c/>\r\n</a>', {
    openTag(tag) {
      if (shapeKeepers.length === 0) shapeKeepers.push(tag, ...tag.attributeList);
    },
    text() {
    },
    closeTag() {
    }
  })
);

// runtime/src/codec/decode.ts
var BASE64_FORMAT2 = builtinCodec("xs:base64Binary")?.format;

// runtime/src/addressing/request-headers.ts
var CISIS_ADDRESSING = Object.freeze({
  messageIdStyle: "urn:uuid",
  mustUnderstand: Object.freeze(["ReplyTo", "Action"])
});
var TLSI_ADDRESSING = Object.freeze({
  messageIdStyle: "uuid",
  to: null,
  replyTo: null,
  mustUnderstand: Object.freeze([])
});

// runtime/src/addressing/read-headers.ts
import { SaxesParser } from "saxes";

// runtime/src/client/trace.ts
var TEXT_ELEMENTS = [
  // INSi request and response traits, ContexteBAM beneficiary.
  "NomNaissance",
  "Prenom",
  "ListePrenom",
  "NomUsage",
  "DateNaissance",
  "LieuNaissance",
  "RangNaissance",
  "NumIdentifiant",
  "Cle",
  "Num",
  "DateNai",
  // HL7 v3 person names.
  "given",
  "family",
  // XML-DSig.
  "SignatureValue"
];
var ATTRIBUTE_ELEMENTS = ["birthTime"];
var TEXT = new RegExp(`(<(?:[\\w.-]+:)?(?:${TEXT_ELEMENTS.join("|")})(?:\\s[^>]*)?>)([^<]+)(</)`, "g");
var ATTRIBUTES = new RegExp(`<(?:[\\w.-]+:)?(?:${ATTRIBUTE_ELEMENTS.join("|")})\\b[^>]*>`, "g");

// runtime/src/security/namespaces.ts
var SAML2_NS = "urn:oasis:names:tc:SAML:2.0:assertion";

// runtime/src/security/xml-dom.ts
import { DOMParser } from "@xmldom/xmldom";

// runtime/src/security/xmldsig/sign-assertion.ts
import { SignedXml } from "xml-crypto";
var ISSUER_XPATH = `/*/*[local-name(.)='Issuer' and namespace-uri(.)='${SAML2_NS}']`;

// runtime/src/security/signers/pkcs12.ts
import forge from "node-forge";

// runtime/src/security/xmldsig/verify-assertion.ts
import { SignedXml as SignedXml2 } from "xml-crypto";

// bench/codec/.prof-events.tmp.ts
var xml = readFileSync("/tmp/adhoc.xml", "utf8");
var gc = globalThis.gc;
var n = 0;
var handler = { openTag() {
  n++;
}, text() {
}, closeTag() {
} };
var t = [];
for (let r = 0; r < 40; r++) {
  if (process.argv[2] === "gc") gc?.();
  const t0 = performance.now();
  readXml(xml, handler);
  t.push(performance.now() - t0);
}
console.log(process.argv[2], t.map((x) => x.toFixed(1)).join(" "));
