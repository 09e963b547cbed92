// bench/codec/.prof-decode2.tmp.ts
import { readFileSync as readFileSync3 } from "node:fs";

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

// runtime/src/errors/encode-error.ts
var EncodeError = class extends VoletError {
  /** The property path in the value, for example `RESULTAT.INDIVIDU.INSHISTO[1].OID`. */
  path;
  /**
   * @param code - stable identifier (`missing-property`, `invalid-value`, `invalid-char`, `unknown-type`, …)
   * @param message - description without the value itself unless the caller enabled `debug`
   * @param path - property path of the offending value
   * @param options - standard `ErrorOptions`
   */
  constructor(code, message, path, options) {
    super(code, path === "" ? message : `${message} (at ${path})`, options);
    this.path = path;
  }
};

// runtime/src/http/https-transport.ts
var DEFAULT_MAX_RESPONSE = 64 * 1024 * 1024;
var WRITE_SLICE = 1024 * 1024;
var SPILL_BYTES = 1024 * 1024;

// runtime/src/codec/descriptors.ts
function elementRef(schema, element) {
  return { schema, element };
}

// runtime/src/mtom/content-id.ts
var XOP_INCLUDE_NS = "http://www.w3.org/2004/08/xop/include";
function normalizeContentId(value) {
  let v = value.trim();
  if (/^cid:/i.test(v)) v = v.slice(4);
  if (v.startsWith("<") && v.endsWith(">")) v = v.slice(1, -1);
  if (v.includes("%")) {
    try {
      v = decodeURIComponent(v);
    } catch {
    }
  }
  return v.trim();
}

// runtime/src/soap/versions.ts
var SOAP11_ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
var SOAP12_ENVELOPE_NS = "http://www.w3.org/2003/05/soap-envelope";
function soapVersionOf(namespace) {
  return namespace === SOAP12_ENVELOPE_NS ? "1.2" : namespace === SOAP11_ENVELOPE_NS ? "1.1" : void 0;
}

// runtime/src/soap/fault.ts
var SoapFault = class extends VoletError {
  version;
  faultCode;
  subcodes;
  reasons;
  /** SOAP 1.2 `Node`. */
  node;
  /** SOAP 1.2 `Role`, SOAP 1.1 `faultactor`. */
  role;
  /** Detail entries: typed when a detail descriptor matched, raw XML otherwise. */
  detail;
  /** The response's header blocks. */
  headers;
  /** @param init - the fault's parts */
  constructor(init) {
    const codes = [init.faultCode, ...init.subcodes ?? []].map((q) => q.local).join(" / ");
    super("soap-fault", `SOAP fault ${codes}`);
    this.version = init.version;
    this.faultCode = init.faultCode;
    this.subcodes = init.subcodes ?? [];
    this.reasons = init.reasons ?? [];
    if (init.node !== void 0) this.node = init.node;
    if (init.role !== void 0) this.role = init.role;
    this.detail = init.detail ?? [];
    this.headers = init.headers ?? [];
  }
  /** The reason text in `lang` when there is one, else the first reason text, else `''`. */
  reason(lang) {
    if (lang !== void 0) {
      const match = this.reasons.find((r) => r.lang?.toLowerCase() === lang.toLowerCase());
      if (match !== void 0) return match.text;
    }
    return this.reasons[0]?.text ?? "";
  }
  /** The innermost subcode, else the fault code: the most specific code. */
  get mostSpecificCode() {
    return this.subcodes.length > 0 ? this.subcodes[this.subcodes.length - 1] : this.faultCode;
  }
};

// runtime/src/xml/escape.ts
var NEEDS_WORK = /[&<>"\u0000-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;
var TEXT_SPECIALS = /[&<>\r]/g;
var ATTRIBUTE_SPECIALS = /[&<>"\t\n\r]/g;
var INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
var ENTITY = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "	": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;"
};
function replaceOne(c) {
  return ENTITY[c];
}
function escapeXml(value, attribute = false, path = "") {
  if (!NEEDS_WORK.test(value)) return value;
  if (INVALID.test(value)) {
    throw new EncodeError("invalid-char", "a character that XML 1.0 cannot carry (control character, U+FFFE/U+FFFF or unpaired surrogate)", path);
  }
  return value.replace(attribute ? ATTRIBUTE_SPECIALS : TEXT_SPECIALS, replaceOne);
}

// runtime/src/xml/namespaces.ts
var XML_NS = "http://www.w3.org/XML/1998/namespace";
var XMLNS_NS = "http://www.w3.org/2000/xmlns/";
var XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

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
    const n = Number(text);
    if (n < min || n > max) throw new InvalidValue(name, "out of range");
    return n === 0 ? 0 : n;
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
      const n = bigintOf(text);
      if (min !== void 0 && n < min || max !== void 0 && n > max) throw new InvalidValue(name, "out of range");
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
var BUILTIN_LISTS = {
  "xs:NMTOKENS": "xs:NMTOKEN",
  "xs:IDREFS": "xs:IDREF",
  "xs:ENTITIES": "xs:ENTITY"
};
function builtinCodec(name) {
  return BY_NAME.get(name);
}

// runtime/src/codec/facets.ts
var patternCache = /* @__PURE__ */ new Map();
function xsdPattern(pattern) {
  const cached = patternCache.get(pattern);
  if (cached !== void 0) return cached;
  let result = null;
  if (!/-\[|\\p\{Is|\\P\{Is/.test(pattern)) {
    const translated = pattern.replace(/\\i/g, "[A-Za-z_:\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u02FF\\u0370-\\u037D\\u037F-\\u1FFF\\u200C\\u200D\\u2070-\\u218F\\u2C00-\\u2FEF\\u3001-\\uD7FF\\uF900-\\uFDCF\\uFDF0-\\uFFFD]").replace(/\\I/g, "[^A-Za-z_:\\u00C0-\\uFFFD]").replace(/\\c/g, "[-.0-9A-Za-z_:\\u00B7\\u00C0-\\uFFFD]").replace(/\\C/g, "[^-.0-9A-Za-z_:\\u00B7\\u00C0-\\uFFFD]");
    try {
      result = new RegExp(`^(?:${translated})$`, "u");
    } catch {
      result = null;
    }
  }
  patternCache.set(pattern, result);
  return result;
}
function lengthOf(value, lexical2, kind) {
  if (kind === "binary" && value instanceof Uint8Array) return value.byteLength;
  if (kind === "list" && Array.isArray(value)) return value.length;
  let n = 0;
  for (const _ of lexical2) n++;
  return n;
}
function compare(a, b, kind) {
  if (kind === "number" || kind === "decimal" || kind === "integer") {
    const x = Number(a);
    const y = Number(b);
    if (Number.isNaN(x) || Number.isNaN(y)) return void 0;
    if (kind === "integer" && (!Number.isSafeInteger(x) || !Number.isSafeInteger(y))) {
      const bx = BigInt(a.replace(/^\+/, ""));
      const by = BigInt(b.replace(/^\+/, ""));
      return bx < by ? -1 : bx > by ? 1 : 0;
    }
    return x < y ? -1 : x > y ? 1 : 0;
  }
  if (a.length === b.length) return a < b ? -1 : a > b ? 1 : 0;
  return void 0;
}
function compileFacets(facets, kind, name) {
  const checks = [];
  const fail = (why) => {
    throw new InvalidValue(name, why);
  };
  if (facets.enumeration !== void 0) {
    const allowed = new Set(facets.enumeration);
    checks.push((value, lexical2) => {
      const key = kind === "qname" && typeof value === "object" && value !== null ? `{${value.namespace}}${value.local}` : lexical2;
      if (!allowed.has(key) && !allowed.has(lexical2)) fail("not one of the enumerated values");
    });
  }
  if (facets.pattern !== void 0) {
    const res = facets.pattern.map(xsdPattern).filter((r) => r !== null);
    if (res.length === facets.pattern.length && res.length > 0) {
      checks.push((_value, lexical2) => {
        if (!res.some((r) => r.test(lexical2))) fail("does not match the pattern");
      });
    }
  }
  const { length, minLength, maxLength } = facets;
  if (length !== void 0 || minLength !== void 0 || maxLength !== void 0) {
    checks.push((value, lexical2) => {
      const n = lengthOf(value, lexical2, kind);
      if (length !== void 0 && n !== length) fail("wrong length");
      if (minLength !== void 0 && n < minLength) fail("too short");
      if (maxLength !== void 0 && n > maxLength) fail("too long");
    });
  }
  const bounds = [
    [facets.minInclusive, (c) => c >= 0, "below minInclusive"],
    [facets.minExclusive, (c) => c > 0, "not above minExclusive"],
    [facets.maxInclusive, (c) => c <= 0, "above maxInclusive"],
    [facets.maxExclusive, (c) => c < 0, "not below maxExclusive"]
  ];
  for (const [bound, ok, why] of bounds) {
    if (bound === void 0) continue;
    checks.push((_value, lexical2) => {
      const c = compare(lexical2, bound, kind);
      if (c !== void 0 && !ok(c)) fail(why);
    });
  }
  if (facets.totalDigits !== void 0 || facets.fractionDigits !== void 0) {
    const { totalDigits, fractionDigits } = facets;
    checks.push((_value, lexical2) => {
      const m = /^[+-]?0*([0-9]*)(?:\.([0-9]*?)0*)?$/.exec(lexical2);
      if (m === null) return;
      const int = m[1];
      const frac = m[2] ?? "";
      if (totalDigits !== void 0 && int.length + frac.length > totalDigits) fail("too many digits");
      if (fractionDigits !== void 0 && frac.length > fractionDigits) fail("too many fraction digits");
    });
  }
  return checks;
}

// runtime/src/codec/compile.ts
var UNBOUNDED = -1;
var CompiledSchema = class {
  descriptor;
  types = /* @__PURE__ */ new Map();
  elements = /* @__PURE__ */ new Map();
  typesByQName = null;
  nsIndexByUri = null;
  constructor(descriptor) {
    if (descriptor.v !== 1) throw new TypeError(`unsupported descriptor format version ${String(descriptor.v)}`);
    if (descriptor.ns[0] !== "") throw new TypeError('descriptor namespace table must start with "" (no namespace)');
    this.descriptor = descriptor;
  }
  /** The URI of a namespace index. */
  uri(index) {
    const uri = this.descriptor.ns[index];
    if (uri === void 0) throw new TypeError(`namespace index ${index} is not in the descriptor's table`);
    return uri;
  }
  /** The index of a namespace URI in the table, or -1. */
  nsIndex(uri) {
    if (this.nsIndexByUri === null) {
      this.nsIndexByUri = new Map(this.descriptor.ns.map((u, i) => [u, i]));
    }
    return this.nsIndexByUri.get(uri) ?? -1;
  }
  /** The preferred prefix of a namespace URI from the descriptor, if any. */
  preferredPrefix(uri) {
    const index = this.nsIndex(uri);
    if (index < 0) return void 0;
    const prefix = this.descriptor.prefixes?.[index];
    return prefix === "" ? void 0 : prefix;
  }
  /** A global element by key. */
  element(key) {
    let compiled = this.elements.get(key);
    if (compiled !== void 0) return compiled;
    const d = Object.hasOwn(this.descriptor.elements, key) ? this.descriptor.elements[key] : void 0;
    if (d === void 0) throw new TypeError(`unknown element descriptor "${key}"`);
    compiled = {
      key,
      local: d.n,
      uri: this.uri(d.ns),
      nsIndex: d.ns,
      typeKey: d.t,
      nillable: d.nil === 1,
      abstract: d.abs === 1
    };
    this.elements.set(key, compiled);
    return compiled;
  }
  /** The key of the named type `{uri}local`, if the schema has one. */
  typeKeyByQName(uri, local) {
    if (this.typesByQName === null) {
      const map = /* @__PURE__ */ new Map();
      for (const [key2, t2] of Object.entries(this.descriptor.types)) {
        if (t2.q !== void 0) map.set(`{${this.uri(t2.ns ?? 0)}}${t2.q}`, key2);
      }
      this.typesByQName = map;
    }
    const key = this.typesByQName.get(`{${uri}}${local}`);
    if (key !== void 0) return key;
    return uri === XSD && (builtinCodec(`xs:${local}`) !== void 0 || local === "anyType") ? `xs:${local}` : void 0;
  }
  /** True when type `derived` is `base` or derives from it (any number of steps). */
  derivesFrom(derived, base) {
    if (base === "xs:anyType") return true;
    let key = derived;
    for (let guard = 0; key !== void 0 && guard < 1e3; guard++) {
      if (key === base) return true;
      const d = this.typeDescriptor(key);
      key = d === void 0 ? void 0 : d.k === "s" ? d.b : d.k === "c" ? d.b : void 0;
    }
    return false;
  }
  /** A type descriptor by key; own properties only (a key such as `constructor` is not inherited). */
  typeDescriptor(key) {
    return Object.hasOwn(this.descriptor.types, key) ? this.descriptor.types[key] : void 0;
  }
  /** A type by key (`xs:` built-ins included). */
  type(key) {
    const cached = this.types.get(key);
    if (cached !== void 0) return cached;
    const d = this.typeDescriptor(key);
    if (d === void 0) {
      if (key === "xs:anyType") return this.remember(key, rawComplex(key));
      return this.remember(key, this.builtin(key));
    }
    if (d.k === "c") return this.complex(key, d);
    return this.remember(key, this.simpleOf(key, d));
  }
  /** A simple type by key; throws for a complex one. */
  simpleType(key) {
    const t2 = this.type(key);
    if (!t2.simple) throw new TypeError(`type "${key}" is complex where a simple type is required`);
    return t2;
  }
  remember(key, t2) {
    this.types.set(key, t2);
    return t2;
  }
  builtin(key) {
    const list = BUILTIN_LISTS[key];
    if (list !== void 0) return listOf(key, this.simpleType(list), []);
    const codec = builtinCodec(key);
    if (codec === void 0) throw new TypeError(`unknown type "${key}"`);
    const ws = codec.whiteSpace;
    return {
      simple: true,
      key,
      kind: codec.kind,
      parse: ws === 0 ? codec.parse : (text, ctx) => codec.parse(applyWhiteSpace(text, ws), ctx),
      format: codec.format,
      checks: []
    };
  }
  simpleOf(key, d) {
    if (d.k === "l") {
      const own = d.f === void 0 ? [] : compileFacets(d.f, "list", key);
      return listOf(key, this.simpleType(d.item), own);
    }
    if (d.k === "u") {
      const own = d.f === void 0 ? [] : compileFacets(d.f, "string", key);
      return unionOf(key, d.m.map((m) => this.simpleType(m)), own);
    }
    const base = this.simpleType(d.b);
    const checks = d.f === void 0 ? base.checks : [...base.checks, ...compileFacets(d.f, base.kind, key)];
    const ws = d.f?.whiteSpace;
    if (ws === void 0 || ws === "preserve" || base.kind !== "string") {
      return { ...base, key, checks };
    }
    const mode = ws === "collapse" ? 2 : 1;
    return {
      simple: true,
      key,
      kind: base.kind,
      parse: (text, ctx) => base.parse(applyWhiteSpace(text, mode), ctx),
      format: base.format,
      checks
    };
  }
  complex(key, d) {
    const base = d.b !== void 0 && d.x !== "r" ? this.type(d.b) : null;
    const baseComplex = base !== null && !base.simple && !base.raw ? base : null;
    const ownFields = d.f ?? [];
    const builder = new PlanBuilder(this, d.ns);
    if (baseComplex !== null) builder.inherit(baseComplex);
    builder.fields(ownFields);
    const attributeList = baseComplex !== null ? [...baseComplex.attributeList] : [];
    for (const a of d.a ?? []) attributeList.push(this.attribute(a));
    const attributes = /* @__PURE__ */ new Map();
    for (const slot of attributeList) {
      slot.next = null;
      const first = attributes.get(slot.local);
      if (first === void 0) attributes.set(slot.local, slot);
      else {
        let last = first;
        while (last.next !== null) last = last.next;
        last.next = slot;
      }
    }
    let simpleContentKey = d.sc ?? null;
    if (simpleContentKey === null && base !== null && base.simple) simpleContentKey = d.b ?? null;
    if (simpleContentKey === null && baseComplex !== null) simpleContentKey = baseComplex.simpleContentKey;
    const anyAttribute = d.aa !== void 0 ? wildcardMatcher(d.aa) : baseComplex?.anyAttribute ?? null;
    const compiled = {
      simple: false,
      key,
      uri: this.uri(d.ns),
      local: d.q ?? null,
      nsIndex: d.ns,
      baseKey: d.b ?? null,
      abstract: d.abs === 1,
      mixed: d.mx === 1 || (baseComplex?.mixed ?? false),
      all: d.all === 1,
      raw: false,
      children: builder.children,
      anys: builder.anys,
      attributes,
      attributeList,
      anyAttribute,
      simpleContentKey,
      simpleContent: null,
      plan: builder.plan,
      required: requiredOf(builder.plan),
      hasContent: builder.plan.length > 0
    };
    this.types.set(key, compiled);
    return compiled;
  }
  attribute(a) {
    const nsIndex = a.ns ?? 0;
    return {
      local: a.n,
      uri: this.uri(nsIndex),
      nsIndex,
      prop: a.p ?? a.n,
      required: a.req === 1,
      typeKey: a.t,
      type: null,
      next: null,
      start: null,
      startAfter: null,
      cachedPrefix: null
    };
  }
};
var XSD = "http://www.w3.org/2001/XMLSchema";
function rawComplex(key) {
  return {
    simple: false,
    key,
    uri: XSD,
    local: "anyType",
    nsIndex: -1,
    baseKey: null,
    abstract: false,
    mixed: true,
    all: false,
    raw: true,
    children: /* @__PURE__ */ new Map(),
    anys: [],
    attributes: /* @__PURE__ */ new Map(),
    attributeList: [],
    anyAttribute: () => true,
    simpleContentKey: null,
    simpleContent: null,
    plan: [],
    required: [],
    hasContent: true
  };
}
function listOf(key, item, checks) {
  return {
    simple: true,
    key,
    kind: "list",
    parse(text, ctx) {
      const collapsed = applyWhiteSpace(text, 2);
      if (collapsed === "") return [];
      return collapsed.split(" ").map((t2) => item.parse(t2, ctx));
    },
    format(value, ctx) {
      if (!Array.isArray(value)) throw new InvalidValue(key, "expected an array");
      return value.map((v) => item.format(v, ctx)).join(" ");
    },
    checks
  };
}
function unionOf(key, members, checks) {
  return {
    simple: true,
    key,
    kind: "string",
    parse(text, ctx) {
      for (const m of members) {
        try {
          const value = m.parse(text, ctx);
          for (const check of m.checks) check(value, applyWhiteSpace(text, 2));
          return value;
        } catch (err) {
          if (!(err instanceof InvalidValue)) throw err;
        }
      }
      return applyWhiteSpace(text, 2);
    },
    format(value, ctx) {
      for (const m of members) {
        try {
          return m.format(value, ctx);
        } catch (err) {
          if (!(err instanceof InvalidValue)) throw err;
        }
      }
      if (typeof value === "string") return value;
      throw new InvalidValue(key, "no member type accepts the value");
    },
    checks
  };
}
function wildcardMatcher(w) {
  const list = new Set(w.u ?? []);
  switch (w.m ?? "any") {
    case "any":
      return () => true;
    case "not":
      return (uri) => !list.has(uri);
    case "in":
      return (uri) => list.has(uri);
  }
}
var PlanBuilder = class {
  children = /* @__PURE__ */ new Map();
  anys = [];
  plan = [];
  pos = 0;
  schema;
  defaultNs;
  constructor(schema, defaultNs) {
    this.schema = schema;
    this.defaultNs = defaultNs;
  }
  inherit(base) {
    const seen = /* @__PURE__ */ new Set();
    for (const first of base.children.values()) {
      for (let s = first; s !== null; s = s.next) seen.add(s);
    }
    const copies = /* @__PURE__ */ new Map();
    for (const s of [...seen].sort((a, b) => a.pos - b.pos)) {
      const copy = { ...s, next: null };
      copies.set(s, copy);
      this.addSlot(copy);
      if (s.pos >= this.pos) this.pos = s.pos + 1;
    }
    for (const a of base.anys) {
      this.anys.push(a);
      if (a.pos >= this.pos) this.pos = a.pos + 1;
    }
    this.plan = base.plan.map((n) => remapPlan(n, copies));
  }
  fields(fields) {
    for (const f of fields) this.plan.push(this.field(f, null));
  }
  field(f, list) {
    if ("c" in f) {
      const branches = [];
      const props = [];
      for (const branch of f.c) {
        const nodes = branch.map((b) => this.field(b, list));
        branches.push(nodes);
        props.push(nodes.flatMap(propsOf));
      }
      return { k: "choice", min: f.min ?? 1, branches, props };
    }
    if ("l" in f) {
      const pos = this.pos++;
      const byTag = /* @__PURE__ */ new Map();
      const anys = [];
      for (const item of f.f) {
        if ("any" in item) anys.push(this.anySlot(item, f.l, pos));
        else for (const slot of this.elementSlots(item, f.l, pos)) byTag.set(slot.itemTag, slot);
      }
      return { k: "list", prop: f.l, min: f.min ?? 0, max: f.max ?? UNBOUNDED, byTag, anys };
    }
    if ("any" in f) {
      const slot = this.anySlot(f, list, this.pos++);
      return { k: "any", prop: slot.prop, min: f.min ?? 1, max: f.max ?? 1, slot };
    }
    const slots = this.elementSlots(f, list, this.pos++);
    const max = f.max ?? 1;
    return { k: "el", prop: slots[0].prop, min: f.min ?? 1, max, array: max !== 1, slots };
  }
  anySlot(f, list, pos) {
    const slot = { prop: list ?? f.p ?? "$any", list, pos, matches: wildcardMatcher(f.any) };
    this.anys.push(slot);
    return slot;
  }
  elementSlots(f, list, pos) {
    const schema = this.schema;
    let local;
    let nsIndex;
    let typeKey;
    let nillable = f.nil === 1;
    if (f.r !== void 0) {
      const g = schema.element(f.r);
      local = g.local;
      nsIndex = g.nsIndex;
      typeKey = g.typeKey;
      nillable ||= g.nillable;
    } else {
      if (f.n === void 0 || f.t === void 0) throw new TypeError("an element field needs n and t, or r");
      local = f.n;
      nsIndex = f.ns ?? this.defaultNs;
      typeKey = f.t;
    }
    const prop = list ?? f.p ?? local;
    const array = list === null && (f.max ?? 1) !== 1;
    const make = (l, ns, t2, nil, wrap, tag) => {
      const slot = {
        local: l,
        uri: schema.uri(ns),
        nsIndex: ns,
        prop,
        array,
        list,
        wrap,
        itemTag: tag,
        pos,
        nillable: nil,
        typeKey: t2,
        type: null,
        next: null,
        open: null,
        openGt: null,
        close: null,
        cachedPrefix: null
      };
      this.addSlot(slot);
      return slot;
    };
    if (f.s === void 0) return [make(local, nsIndex, typeKey, nillable, null, f.p ?? local)];
    return f.s.map((key) => {
      const m = schema.element(key);
      return make(m.local, m.nsIndex, m.typeKey, m.nillable, list === null ? key : null, key);
    });
  }
  addSlot(slot) {
    const first = this.children.get(slot.local);
    if (first === void 0) {
      this.children.set(slot.local, slot);
      return;
    }
    let last = first;
    while (last.next !== null) last = last.next;
    last.next = slot;
  }
};
function requiredOf(plan) {
  if (plan.some((n) => n.k === "choice")) return null;
  return plan.filter((n) => n.min > 0).map((n) => ({ prop: n.prop, min: n.min }));
}
function propsOf(node) {
  switch (node.k) {
    case "el":
    case "list":
    case "any":
      return [node.prop];
    case "choice":
      return node.props.flat();
  }
}
function remapPlan(node, copies) {
  const map = (s) => copies.get(s) ?? s;
  switch (node.k) {
    case "el":
      return { ...node, slots: node.slots.map(map) };
    case "list":
      return { ...node, byTag: new Map([...node.byTag].map(([k, s]) => [k, map(s)])) };
    case "any":
      return node;
    case "choice":
      return { ...node, branches: node.branches.map((b) => b.map((n) => remapPlan(n, copies))) };
  }
}
var cache = /* @__PURE__ */ new WeakMap();
function compiledSchema(descriptor) {
  let compiled = cache.get(descriptor);
  if (compiled === void 0) {
    compiled = new CompiledSchema(descriptor);
    cache.set(descriptor, compiled);
  }
  return compiled;
}

// runtime/src/codec/check-plan.ts
function present(obj, prop) {
  return obj[prop] !== void 0;
}
function count(v) {
  return v === void 0 ? 0 : Array.isArray(v) ? v.length : 1;
}
function checkPlan(plan, obj) {
  for (const node of plan) {
    switch (node.k) {
      case "el":
      case "any":
      case "list":
        if (node.min > 0 && count(obj[node.prop]) < node.min) {
          return { code: "missing-element", message: `required element ${node.prop} is missing or occurs too few times`, prop: node.prop };
        }
        break;
      case "choice": {
        let chosen = -1;
        for (let b = 0; b < node.branches.length; b++) {
          if (node.props[b].some((p) => present(obj, p))) {
            if (chosen >= 0) return { code: "choice-conflict", message: `elements of two branches of a choice (${node.props[chosen].join(", ")} / ${node.props[b].join(", ")})` };
            chosen = b;
          }
        }
        if (chosen >= 0) {
          const problem = checkPlan(node.branches[chosen], obj);
          if (problem !== null) return problem;
        } else if (node.min > 0 && !node.branches.some((b) => checkPlan(b, obj) === null)) {
          return { code: "missing-element", message: `none of the choice's elements (${node.props.flat().join(", ")}) is present` };
        }
        break;
      }
    }
  }
  return null;
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

// runtime/src/errors/decode-error.ts
var DecodeError = class extends VoletError {
  line;
  column;
  path;
  /**
   * @param code - stable identifier (`unknown-element`, `out-of-order`, `missing-element`, `invalid-value`, …)
   * @param message - description without document text unless the caller enabled `debug`
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

// runtime/src/xml/raw-capture.ts
var RawCapture = class {
  reader;
  previous;
  onDone;
  depth = 0;
  rootStart = "";
  rootEnd = "";
  body = "";
  /** Prefixes declared inside the fragment, per open element. */
  declared = [];
  /** Prefixes used but declared outside the fragment, with their namespace. */
  inherited = /* @__PURE__ */ new Map();
  /**
   * Starts capturing at `tag` (which must be the tag the reader is reporting now) and makes
   * itself the reader's handler; gives the handler back to `previous` after the end tag.
   */
  constructor(reader, tag, previous, onDone) {
    this.reader = reader;
    this.previous = previous;
    this.onDone = onDone;
    reader.handler = this;
    this.openTag(tag);
  }
  openTag(tag) {
    const declared = /* @__PURE__ */ new Set();
    let attributes = "";
    const attrs = tag.attributeList;
    for (const attr of attrs) {
      if (attr.uri === XMLNS_NS) declared.add(attr.prefix === "" ? "" : attr.local);
    }
    this.declared.push(declared);
    this.use(tag.prefix, tag.uri);
    for (const attr of attrs) {
      if (attr.uri !== XMLNS_NS) {
        if (attr.prefix !== "") this.use(attr.prefix, attr.uri);
        if (attr.uri === XSI_NS && attr.local === "type") this.useQNameValue(attr.value);
      }
      attributes += ` ${attr.name}="${escapeXml(attr.value, true)}"`;
    }
    const start = `<${tag.name}${attributes}`;
    if (this.depth++ === 0) {
      this.rootStart = start;
      this.rootEnd = tag.isSelfClosing ? "/>" : ">";
    } else {
      this.body += tag.isSelfClosing ? `${start}/>` : `${start}>`;
    }
  }
  text(text) {
    this.body += escapeXml(text);
  }
  cdata(text) {
    this.body += `<![CDATA[${text}]]>`;
  }
  comment(text) {
    this.body += `<!--${text}-->`;
  }
  closeTag(tag) {
    this.declared.pop();
    if (!tag.isSelfClosing) this.body += `</${tag.name}>`;
    if (--this.depth > 0) return;
    let declarations = "";
    for (const [prefix, uri] of this.inherited) {
      declarations += prefix === "" ? ` xmlns="${escapeXml(uri, true)}"` : ` xmlns:${prefix}="${escapeXml(uri, true)}"`;
    }
    this.reader.handler = this.previous;
    this.onDone(this.rootStart + declarations + this.rootEnd + this.body);
  }
  use(prefix, uri) {
    if (prefix === "xml" || this.inherited.has(prefix)) return;
    for (let i = this.declared.length - 1; i >= 0; i--) if (this.declared[i].has(prefix)) return;
    if (prefix === "" && uri === "") return;
    if (uri !== XML_NS) this.inherited.set(prefix, uri);
  }
  useQNameValue(value) {
    const colon = value.indexOf(":");
    const prefix = colon < 0 ? "" : value.slice(0, colon).trim();
    const uri = this.reader.resolve(prefix);
    if (uri !== void 0 && uri !== "") this.use(prefix, uri);
  }
};

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
function indentation(indent, count2) {
  const cache2 = indent === TAB ? tabIndents : spaceIndents;
  let text = cache2[count2];
  if (text === void 0) {
    text = internalize("\n" + (indent === TAB ? "	" : " ").repeat(count2));
    for (let k = cache2.length; k < count2; k++) cache2.push(internalize("\n" + (indent === TAB ? "	" : " ").repeat(k)));
    cache2[count2] = text;
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
  constructor(handler, limits) {
    this.handler = handler;
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
    const n = s.length;
    let i = this.pos;
    this.stalled = false;
    while (i < n) {
      if (s.charCodeAt(i) === LT) {
        if (this.textBefore !== "") this.emitText("", i);
        const c = s.charCodeAt(i + 1);
        let next;
        if (c === SLASH) next = this.endTag(s, i, n);
        else if (c === BANG) next = this.markupDeclaration(s, i, n);
        else if (c === QUESTION) next = this.processingInstruction(s, i, n);
        else if (i + 1 < n) next = this.startTag(s, i, n);
        else next = -1;
        if (next < 0) {
          if (final) throw this.malformed(n - 1, "unexpected end of the input inside markup");
          break;
        }
        i = next;
        this.textRun = 0;
      } else {
        i = this.depth > 0 ? this.text(s, i, n, final) : this.outsideText(s, i, n);
        if (this.stalled) break;
      }
    }
    this.pos = i;
    if (i > 0) this.atDocumentStart = false;
    if (final) this.finish(n);
  }
  finish(n) {
    if (this.depth > 0) {
      throw this.failAt("malformed", `unclosed element <${this.tags[this.depth - 1].name}> (unexpected end of the input)`, n);
    }
    if (!this.sawRoot) throw this.failAt("malformed", "no root element (unexpected end of the input)", n);
  }
  // ---------------------------------------------------------------- text
  /** Text before or after the root element: white space only, not reported. */
  outsideText(s, i, n) {
    let c = s.charCodeAt(i);
    while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
    if (i < n && c !== LT) throw this.malformed(i, this.rootClosed ? "text after the root element" : "text before the root element");
    return i;
  }
  /** Text inside the root element, from `i` (not `<`). Returns where it ends. */
  text(s, i, n, final) {
    const start = i;
    const budget = this.limits.maxTextLength - this.textRun;
    const stop = n - start > budget ? start + budget + 1 : n;
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
    return this.textSlow(s, start, i, n, stop, final);
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
  textSlow(s, start, i, n, stop, final) {
    let out = "";
    let seg = start;
    for (; ; ) {
      if (i >= stop) {
        if (stop < n) throw this.failAt("limit-text", `a text node longer than ${this.limits.maxTextLength} characters`, stop);
        this.partialText(out + s.slice(seg, n), start, n);
        return n;
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
          const next = this.reference(s, i, n);
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
            if (i + 2 >= n && !final) return this.stall(out + s.slice(seg, i), start, i);
            if (s.charCodeAt(i + 2) === GT) throw this.malformed(i, "]]> is not allowed in text");
          } else if (i + 1 >= n && !final) {
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
  reference(s, amp, n) {
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
      if (i >= n) return -1;
      if (c !== SEMICOLON || i === digits) throw this.malformed(amp, "malformed character reference");
      if (!isXmlCodePoint(cp)) throw this.malformed(amp, "character reference to a character XML does not allow");
      this.refText = String.fromCodePoint(cp);
      return i + 1;
    }
    const semi = s.indexOf(";", i);
    if (semi < 0 || semi > i + 5) {
      if (n - i <= 5 && semi < 0) return -1;
      throw this.malformed(amp, "& must start a reference (undefined entity or missing ;)");
    }
    const replacement = PREDEFINED[s.slice(i, semi)];
    if (replacement === void 0) throw this.malformed(amp, "undefined entity (only lt, gt, amp, apos and quot exist without a DTD)");
    this.refText = replacement;
    return semi + 1;
  }
  // ---------------------------------------------------------------- names
  /** Scans a Name from `i` and sets `hash`; returns its end (`i` itself only at the end of the buffer). */
  nameEnd(s, i, n) {
    let c = s.charCodeAt(i);
    let h = c;
    if (c < 128) {
      if (NAME_START2[c] === 0) throw this.malformed(i, "a name was expected");
      i++;
    } else {
      if (i >= n) return i;
      const w = nameCharWidth(s, i, true);
      if (w === 0) throw this.malformed(i, "a name cannot start with this character");
      i += w;
    }
    for (; ; ) {
      c = s.charCodeAt(i);
      if (c < 128) {
        if (NAME_CHAR2[c] === 0) break;
        i++;
      } else if (i < n) {
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
  startTag(s, lt, n) {
    let i = this.nameEnd(s, lt + 1, n);
    if (i >= n) return -1;
    const name = internName(s, lt + 1, i, this.hash);
    if (name === void 0) throw this.malformed(lt + 1, `element name ${s.slice(lt + 1, i)} is not a qualified name (Namespaces in XML)`);
    const names = this.attrNames;
    const values = this.attrValues;
    const maxAttributes = this.limits.maxAttributes;
    let count2 = 0;
    let declarations = false;
    let selfClosing = false;
    for (; ; ) {
      let c = s.charCodeAt(i);
      if (c === GT) {
        i++;
        break;
      }
      if (c === SLASH) {
        if (i + 1 >= n) return -1;
        if (s.charCodeAt(i + 1) !== GT) throw this.malformed(i, "expected /> to end an empty-element tag");
        i += 2;
        selfClosing = true;
        break;
      }
      if (c !== SPACE && c !== LF && c !== CR && c !== TAB) {
        if (i >= n) return -1;
        throw this.malformed(i, "expected white space, > or /> in a start tag");
      }
      do
        c = s.charCodeAt(++i);
      while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c === GT || c === SLASH) continue;
      if (i >= n) return -1;
      const nameStart = i;
      i = this.nameEnd(s, i, n);
      if (i >= n) return -1;
      const attrName = internName(s, nameStart, i, this.hash);
      if (attrName === void 0) throw this.malformed(nameStart, `attribute name ${s.slice(nameStart, i)} is not a qualified name (Namespaces in XML)`);
      c = s.charCodeAt(i);
      while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
      if (c !== EQUALS) {
        if (i >= n) return -1;
        throw this.malformed(i, "expected = after an attribute name");
      }
      do
        c = s.charCodeAt(++i);
      while (c === SPACE || c === LF || c === CR || c === TAB);
      if (c !== DQUOTE && c !== SQUOTE) {
        if (i >= n) return -1;
        throw this.malformed(i, "an attribute value must be quoted");
      }
      const quote = c;
      const valueStart = ++i;
      for (; ; ) {
        c = s.charCodeAt(i);
        if (c < 128) {
          if (ATTR_STOP[c] !== 0) break;
        } else if (c >= 55296 || i >= n) break;
        i++;
      }
      let value;
      if (c === quote) {
        value = s.slice(valueStart, i);
        i++;
      } else {
        i = this.attributeValue(s, valueStart, i, n, quote);
        if (i < 0) return -1;
        value = this.value;
      }
      if (count2 === maxAttributes) throw this.failAt("limit-attributes", `more than ${maxAttributes} attributes on one element`, i);
      if (i - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a start tag longer than ${this.limits.maxTextLength} characters`, i);
      names[count2] = attrName;
      values[count2] = value;
      count2++;
      if (attrName.kind !== PLAIN_NAME) declarations = true;
    }
    if (i - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a start tag longer than ${this.limits.maxTextLength} characters`, i);
    this.openElement(name, count2, declarations, selfClosing, i);
    return i;
  }
  /** An attribute value with references, white space to normalise, the other quote or surrogates. */
  attributeValue(s, start, i, n, quote) {
    let out = "";
    let seg = start;
    for (; ; ) {
      if (i >= n) return -1;
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
          const next = this.reference(s, i, n);
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
  openElement(name, count2, declarations, selfClosing, end) {
    const depth = this.depth;
    if (depth === 0) {
      if (this.rootClosed) throw this.failAt("malformed", "a second root element (content after the root element)", end);
      this.sawRoot = true;
    }
    if (depth >= this.limits.maxDepth) throw this.failAt("limit-depth", `element nesting deeper than ${this.limits.maxDepth}`, end, 0, name.raw);
    if (++this.elements > this.limits.maxElements) throw this.failAt("limit-elements", `more than ${this.limits.maxElements} elements`, end);
    const mark = this.nsTop;
    if (declarations) this.declare(count2, end);
    let uri;
    if (name.prefix === "") {
      uri = this.prefixUri(name) ?? "";
    } else {
      const resolved = this.prefixUri(name);
      if (resolved === void 0) throw this.failAt("malformed", `unbound namespace prefix ${name.prefix} on element ${name.raw}`, end);
      if (name.prefix === "xmlns") throw this.failAt("malformed", "an element name may not have the prefix xmlns", end);
      uri = resolved;
    }
    const attributes = count2 === 0 ? NO_ATTRIBUTES : this.attributes(count2, end);
    const tag = new Tag(name.raw, name.prefix, name.local, uri, selfClosing, attributes);
    this.tags[depth] = tag;
    this.marks[depth] = mark;
    this.depth = depth + 1;
    this.at = end;
    this.handler.openTag(tag);
    if (selfClosing) this.closeElement(tag);
  }
  /** Puts the namespace declarations of the tag being opened in scope. */
  declare(count2, end) {
    const names = this.attrNames;
    for (let k = 0; k < count2; k++) {
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
  attributes(count2, end) {
    const names = this.attrNames;
    const values = this.attrValues;
    const list = new Array(count2);
    for (let k = 0; k < count2; k++) {
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
      if (count2 <= 16) {
        for (let j = 0; j < k; j++) {
          const other = list[j];
          if (other.local === local && other.uri === uri) throw this.failAt("malformed", `duplicate attribute ${name.raw}`, end);
        }
      }
      list[k] = new Attribute(name.raw, name.prefix, local, uri, values[k]);
    }
    if (count2 > 16) {
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
  endTag(s, lt, n) {
    const depth = this.depth;
    const start = lt + 2;
    if (depth === 0) {
      if (start >= n) return -1;
      throw this.malformed(lt, "an end tag without a start tag");
    }
    const tag = this.tags[depth - 1];
    const expected = tag.name;
    let i = start + expected.length;
    if (i >= n && expected.startsWith(s.slice(start, n))) return -1;
    let c = s.charCodeAt(i);
    if (i >= n || !matchesAt(s, start, expected) || (c < 128 ? NAME_CHAR2[c] !== 0 : nameCharWidth(s, i, false) !== 0)) {
      const end = this.nameEnd(s, start, n);
      if (end >= n) return -1;
      throw this.failAt("malformed", `end tag </${s.slice(start, end)}> does not match start tag <${expected}>`, end, 1);
    }
    while (c === SPACE || c === LF || c === CR || c === TAB) c = s.charCodeAt(++i);
    if (c !== GT) {
      if (i >= n) return -1;
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
  markupDeclaration(s, lt, n) {
    if (s.startsWith("<!--", lt)) return this.comment(s, lt, n);
    if (s.startsWith("<![CDATA[", lt)) return this.cdata(s, lt, n);
    if (s.startsWith("<!DOCTYPE", lt)) {
      throw this.failAt("doctype", "DOCTYPE declarations are not accepted (no DTD, no entity declarations)", lt + 1);
    }
    const seen = s.slice(lt, Math.min(n, lt + 9));
    if (n - lt < 9 && ("<!DOCTYPE".startsWith(seen) || "<![CDATA[".startsWith(seen) || "<!--".startsWith(seen))) return -1;
    throw this.malformed(lt, "unknown markup declaration (<! must start a comment or a CDATA section)");
  }
  comment(s, lt, n) {
    const from = lt + 4;
    const end = s.indexOf("-->", from);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a comment longer than ${this.limits.maxTextLength} characters`, n);
      return -1;
    }
    if (end - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a comment longer than ${this.limits.maxTextLength} characters`, end);
    const dashes = s.indexOf("--", from);
    if (dashes < end) throw this.malformed(dashes, "-- is not allowed inside a comment");
    const text = this.rawSection(s, from, end);
    const handler = this.handler;
    if (this.depth > 0 && handler.comment !== void 0) {
      this.at = end + 3;
      handler.comment(text);
    }
    return end + 3;
  }
  cdata(s, lt, n) {
    if (this.depth === 0) throw this.malformed(lt, "a CDATA section outside the root element");
    const from = lt + 9;
    const end = s.indexOf("]]>", from);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a CDATA section longer than ${this.limits.maxTextLength} characters`, n);
      return -1;
    }
    if (end - from > this.limits.maxTextLength) throw this.failAt("limit-text", `a CDATA section longer than ${this.limits.maxTextLength} characters`, end);
    const text = this.rawSection(s, from, end);
    const handler = this.handler;
    this.at = end + 3;
    if (handler.cdata !== void 0) {
      handler.cdata(text);
    } else {
      this.textIsWhitespace = false;
      handler.text(text);
    }
    return end + 3;
  }
  /** `<?`: the XML declaration at the very start, otherwise a processing instruction (checked, dropped). */
  processingInstruction(s, lt, n) {
    const targetStart = lt + 2;
    const targetEnd = this.nameEnd(s, targetStart, n);
    if (targetEnd >= n) return -1;
    const target = s.slice(targetStart, targetEnd);
    const end = s.indexOf("?>", targetEnd);
    if (end < 0) {
      if (n - lt > this.limits.maxTextLength) throw this.failAt("limit-text", `a processing instruction longer than ${this.limits.maxTextLength} characters`, n);
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
    const n = s.length;
    if (this.kind === TAG) {
      let quote = this.quote;
      for (let i = from; i < n; i++) {
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
    for (let i = from; i < n; i++) {
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
  constructor(handler, options = {}) {
    super(handler, resolveLimits(options.limits));
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
function readXml(input, handler, options) {
  const reader = new XmlReader(handler, options);
  reader.write(input);
  reader.end();
  return reader;
}
var shapeKeepers = [];
var WARM_UP = `<a xmlns:p="urn:p" p:x="1" y="2">${'\n <b>t&amp;</b><![CDATA[c]]><!--c--><p:c z="1"/> x\r\n<d>\r\n	</d>'.repeat(4)}</a>`;
for (let k = 0; k < 8; k++) {
  const handler = Object.assign(
    { [`shape${k}`]: k },
    {
      openTag(tag) {
        if (shapeKeepers.length === 0) shapeKeepers.push(tag, ...tag.attributeList);
      },
      text() {
      },
      closeTag() {
      },
      cdata() {
      },
      comment() {
      }
    }
  );
  for (let round = 0; round < 3; round++) shapeKeepers.push(readXml(WARM_UP, handler));
}

// runtime/src/codec/decode.ts
function decodeSettings(options = {}) {
  return {
    strict: (options.mode ?? "strict") === "strict",
    keepUnknown: options.unknown === "keep",
    validate: options.validate === true,
    debug: options.debug === true,
    attachments: options.attachments ?? null
  };
}
var Frame = class {
  complex = null;
  simple = null;
  obj = null;
  text = "";
  slot = null;
  pos = 0;
  nil = false;
  /** The bytes of an `xop:Include` standing for this element's base64 content. */
  xop = null;
};
var BASE64_FORMAT2 = builtinCodec("xs:base64Binary")?.format;
var SkipHandler = class {
  constructor(reader, previous) {
    this.reader = reader;
    this.previous = previous;
    reader.handler = this;
  }
  reader;
  previous;
  depth = 1;
  openTag() {
    this.depth++;
  }
  text() {
  }
  closeTag() {
    if (--this.depth === 0) this.reader.handler = this.previous;
  }
};
var XSI_TYPE = 1;
var XSI_NIL = 2;
var ElementDecoder = class {
  schema;
  reader;
  settings;
  root;
  previous;
  onDone;
  frames = [];
  top = -1;
  ctx;
  rootAttributeNamespace;
  /** Reused buffer of the current tag's ordinary attributes. */
  attrBuffer = [];
  /**
   * @param schema - the compiled schema
   * @param root - the global element being decoded
   * @param reader - the reader, currently reporting the element's start tag
   * @param tag - that start tag
   * @param previous - the handler to give the reader back to
   * @param settings - decoding settings
   * @param onDone - receives the value
   * @param rootAttributeNamespace - attributes of the root element in this namespace are not the
   *   element's own (SOAP `mustUnderstand`, `role`… on a header block) and are ignored
   */
  constructor(schema, root, reader, tag, previous, settings, onDone, rootAttributeNamespace) {
    this.rootAttributeNamespace = rootAttributeNamespace ?? null;
    this.schema = schema;
    this.root = root;
    this.reader = reader;
    this.previous = previous;
    this.settings = settings;
    this.onDone = onDone;
    this.ctx = { resolve: (prefix) => reader.resolve(prefix) };
    reader.handler = this;
    this.start(schema.type(root.typeKey), root.typeKey, tag, null, root.nillable);
  }
  openTag(tag) {
    const parent = this.frames[this.top];
    const ct = parent.complex;
    if (ct === null || parent.nil || ct.simpleContentKey !== null && !ct.mixed) {
      if (tag.local === "Include" && tag.uri === XOP_INCLUDE_NS && this.settings.attachments !== null && this.bindXop(parent, tag)) return;
      if (this.settings.strict || parent.nil) throw this.fail("unexpected-element", `element ${describe(tag)} where the content is text only`);
      this.unknown(parent, tag);
      return;
    }
    const strict = this.settings.strict;
    let slot = ct.children.get(tag.local);
    let fallback;
    while (slot !== void 0) {
      if (slot.uri === tag.uri) {
        fallback ??= slot;
        if ((slot.array || slot.list !== null || parent.obj?.[slot.prop] === void 0) && (slot.pos >= parent.pos || ct.all)) break;
      }
      slot = slot.next ?? void 0;
    }
    if (slot === void 0 && fallback !== void 0) {
      if (strict && !ct.all) {
        throw this.fail(fallback.pos < parent.pos ? "out-of-order" : "duplicate-element", fallback.pos < parent.pos ? `element ${describe(tag)} out of schema order` : `element ${describe(tag)} occurs more often than allowed`);
      }
      if (!fallback.array && fallback.list === null && !ct.mixed && parent.obj?.[fallback.prop] !== void 0) {
        throw this.fail("duplicate-element", `element ${describe(tag)} occurs more often than allowed`);
      }
      slot = fallback;
    }
    if (slot === void 0) {
      const any = matchAny(ct.anys, tag.uri, parent.pos, ct.all || !strict);
      if (any !== null) {
        if (any.pos > parent.pos) parent.pos = any.pos;
        new RawCapture(this.reader, tag, this, (xml2) => this.storeAny(parent, any, { $xml: xml2 }));
        return;
      }
      if (strict) throw this.fail("unknown-element", `unexpected element ${describe(tag)}`);
      this.unknown(parent, tag);
      return;
    }
    if (slot.pos > parent.pos) parent.pos = slot.pos;
    const type = slot.type ?? (slot.type = this.schema.type(slot.typeKey));
    this.start(type, slot.typeKey, tag, slot, slot.nillable);
  }
  text(text) {
    const frame = this.frames[this.top];
    if (frame.nil) {
      if (this.settings.strict && !isWhitespace(text)) throw this.fail("nil-with-content", "content in an element marked xsi:nil");
      return;
    }
    if (frame.simple !== null || frame.complex !== null && frame.complex.simpleContentKey !== null) {
      frame.text += text;
      return;
    }
    if (frame.complex !== null && frame.complex.mixed && frame.obj !== null) {
      const content = frame.obj.$content ??= [];
      const last = content.length - 1;
      if (last >= 0 && typeof content[last] === "string") content[last] += text;
      else content.push(text);
      return;
    }
    if (this.settings.strict && !this.reader.textIsWhitespace && !isWhitespace(text)) {
      throw this.fail("unexpected-text", "text where only elements are allowed");
    }
  }
  closeTag() {
    const frame = this.frames[this.top];
    let value;
    if (frame.nil) {
      value = null;
    } else if (frame.simple !== null) {
      value = frame.xop !== null ? this.xopValue(frame) : this.parseSimple(frame.simple, frame.text);
    } else {
      const ct = frame.complex;
      const obj = frame.obj;
      if (ct.simpleContentKey !== null) {
        const sc = ct.simpleContent ?? (ct.simpleContent = this.schema.simpleType(ct.simpleContentKey));
        obj.$value = frame.xop !== null ? this.xopValue(frame) : this.parseSimple(sc, frame.text);
      }
      if (this.settings.strict && !ct.mixed) {
        const required = ct.required;
        if (required !== null) {
          for (let i = 0; i < required.length; i++) {
            const v = obj[required[i].prop];
            if (v === void 0 || required[i].min > 1 && Array.isArray(v) && v.length < required[i].min) {
              throw this.fail("missing-element", `required element ${required[i].prop} is missing or occurs too few times`);
            }
          }
        } else {
          const problem = checkPlan(ct.plan, obj);
          if (problem !== null) throw this.fail(problem.code, problem.message);
        }
      }
      value = obj;
    }
    const slot = frame.slot;
    frame.obj = null;
    frame.text = "";
    this.top--;
    if (this.top < 0) {
      this.reader.handler = this.previous;
      this.onDone(value);
      return;
    }
    this.store(this.frames[this.top], slot, value);
  }
  /** Opens a frame for an element of declared type `type`. */
  start(declared, declaredKey, tag, slot, nillable) {
    const attrs = tag.attributeList;
    const buffer = this.attrBuffer;
    let buffered = 0;
    let xsi = 0;
    let xsiType = "";
    let nil = false;
    for (let k = 0; k < attrs.length; k++) {
      const a = attrs[k];
      const uri = a.uri;
      if (uri === "") buffer[buffered++] = a;
      else if (uri === XMLNS_NS) continue;
      else if (uri === XSI_NS) {
        if (a.local === "type") {
          xsi |= XSI_TYPE;
          xsiType = a.value;
        } else if (a.local === "nil") {
          xsi |= XSI_NIL;
          nil = a.value.trim() === "true" || a.value.trim() === "1";
        }
      } else if (slot !== null || uri !== this.rootAttributeNamespace) buffer[buffered++] = a;
    }
    let type = declared;
    let typeKey = null;
    if ((xsi & XSI_TYPE) !== 0) {
      const resolved = this.resolveXsiType(xsiType, declaredKey);
      if (resolved !== null) {
        typeKey = resolved;
        type = this.schema.type(resolved);
      }
    }
    if (nil && !nillable && this.settings.strict) throw this.fail("not-nillable", `xsi:nil on element ${describe(tag)}, which is not nillable`);
    const depth = ++this.top;
    let frame = this.frames[depth];
    if (frame === void 0) frame = this.frames[depth] = new Frame();
    frame.slot = slot;
    frame.pos = 0;
    frame.text = "";
    frame.nil = nil;
    frame.xop = null;
    if (type.simple) {
      frame.simple = type;
      frame.complex = null;
      frame.obj = null;
      if (buffered > 0 && this.settings.strict) {
        throw this.fail("unknown-attribute", `attribute ${describeAttr(buffer[0])} on an element of simple type`);
      }
      return;
    }
    if (type.raw) {
      this.top--;
      new RawCapture(this.reader, tag, this, (xml2) => this.finishRaw(slot, { $xml: xml2 }));
      return;
    }
    if (type.abstract && this.settings.strict) {
      throw this.fail("abstract-type", `element ${describe(tag)} has abstract type ${type.key} and no xsi:type naming a concrete one`);
    }
    frame.simple = null;
    frame.complex = type;
    const obj = {};
    frame.obj = obj;
    if (typeKey !== null) obj.$type = typeKey;
    if (nil) return;
    for (let i = 0; i < buffered; i++) {
      const a = buffer[i];
      let as = type.attributes.get(a.local);
      while (as !== void 0 && as.uri !== a.uri) as = as.next ?? void 0;
      if (as !== void 0) {
        const at = as.type ?? (as.type = this.schema.simpleType(as.typeKey));
        obj[as.prop] = this.parseSimple(at, a.value);
      } else if (type.anyAttribute !== null && type.anyAttribute(a.uri)) {
        const bag = obj.$attrs ??= {};
        bag[`{${a.uri}}${a.local}`] = a.value;
      } else if (this.settings.strict) {
        throw this.fail("unknown-attribute", `unexpected attribute ${describeAttr(a)}`);
      }
    }
    if (this.settings.strict) {
      const list = type.attributeList;
      for (let i = 0; i < list.length; i++) {
        if (list[i].required && obj[list[i].prop] === void 0) {
          throw this.fail("missing-attribute", `required attribute ${list[i].local} is missing`);
        }
      }
    }
  }
  resolveXsiType(value, declaredKey) {
    const text = value.trim();
    const colon = text.indexOf(":");
    const prefix = colon < 0 ? "" : text.slice(0, colon);
    const local = colon < 0 ? text : text.slice(colon + 1);
    const uri = this.reader.resolve(prefix) ?? "";
    const key = this.schema.typeKeyByQName(uri, local);
    if (key === void 0) {
      if (this.settings.strict) throw this.fail("unknown-type", `xsi:type names a type the descriptors do not know ({${uri}}${local})`);
      return null;
    }
    if (!this.schema.derivesFrom(key, declaredKey)) {
      if (this.settings.strict) throw this.fail("invalid-type", `xsi:type {${uri}}${local} does not derive from the declared type ${declaredKey}`);
      return null;
    }
    return key;
  }
  parseSimple(type, text) {
    try {
      const value = type.parse(text, this.ctx);
      if (this.settings.validate) {
        const checks = type.checks;
        for (let i = 0; i < checks.length; i++) checks[i](value, text.trim());
      }
      return value;
    } catch (err) {
      if (!(err instanceof InvalidValue)) throw err;
      const shown = this.settings.debug ? ` ${JSON.stringify(text)}` : "";
      throw this.fail("invalid-value", `value${shown} ${err.message} (type ${type.key})`);
    }
  }
  /**
   * An `xop:Include` in a base64Binary element: binds the attachment it names to the element and
   * skips the Include. False when the element is not base64Binary (the caller reports it).
   */
  bindXop(frame, tag) {
    const ct = frame.complex;
    const type = frame.simple ?? (ct !== null && ct.simpleContentKey !== null ? ct.simpleContent ??= this.schema.simpleType(ct.simpleContentKey) : null);
    if (type === null || frame.nil || type.format !== BASE64_FORMAT2) return false;
    let href;
    for (const a of tag.attributeList) if (a.local === "href" && a.uri === "") href = a.value;
    if (href === void 0) throw this.fail("invalid-value", "xop:Include without href");
    const attachments = this.settings.attachments;
    const data = attachments.get(normalizeContentId(href)) ?? attachments.get(href.trim().replace(/^cid:/i, ""));
    if (data === void 0) throw this.fail("missing-attachment", `xop:Include refers to ${href.slice(0, 120)}, which is not in the message`);
    if (frame.xop !== null) throw this.fail("duplicate-element", "two xop:Include elements in one base64Binary element");
    frame.xop = data;
    new SkipHandler(this.reader, this);
    return true;
  }
  /** The value of an element bound to an attachment: only whitespace may surround the Include. */
  xopValue(frame) {
    if (!isWhitespace(frame.text)) throw this.fail("unexpected-text", "text beside an xop:Include");
    return frame.xop;
  }
  store(parent, slot, value) {
    const obj = parent.obj;
    if (parent.complex.mixed) {
      (obj.$content ??= []).push({ $el: slot.itemTag, value });
    } else if (slot.list !== null) {
      (obj[slot.list] ??= []).push({ $el: slot.itemTag, value });
    } else {
      const v = slot.wrap !== null ? { $el: slot.wrap, value } : value;
      if (slot.array) (obj[slot.prop] ??= []).push(v);
      else obj[slot.prop] = v;
    }
  }
  storeAny(parent, any, raw) {
    const obj = parent.obj;
    if (parent.complex.mixed) (obj.$content ??= []).push(raw);
    else (obj[any.prop] ??= []).push(raw);
  }
  finishRaw(slot, raw) {
    if (this.top < 0) {
      this.reader.handler = this.previous;
      this.onDone(raw);
      return;
    }
    this.store(this.frames[this.top], slot, raw);
  }
  unknown(parent, tag) {
    if (this.settings.keepUnknown && parent.obj !== null) {
      const obj = parent.obj;
      new RawCapture(this.reader, tag, this, (xml2) => (obj.$unknown ??= []).push({ $xml: xml2 }));
    } else {
      new SkipHandler(this.reader, this);
    }
  }
  fail(code, message) {
    return new DecodeError(code, message, this.reader.position());
  }
};
function matchAny(anys, uri, pos, anyOrder) {
  for (let i = 0; i < anys.length; i++) {
    const a = anys[i];
    if ((anyOrder || a.pos >= pos) && a.matches(uri)) return a;
  }
  return null;
}
function isWhitespace(text) {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 32 && c !== 10 && c !== 9 && c !== 13) return false;
  }
  return true;
}
function describe(tag) {
  return tag.uri === "" ? tag.local : `{${tag.uri}}${tag.local}`;
}
function describeAttr(a) {
  return a.uri === "" ? a.local : `{${a.uri}}${a.local}`;
}
var shapeKeepers2 = [];
{
  const schema = compiledSchema({
    v: 1,
    ns: [""],
    types: {
      T: { k: "c", ns: 0, a: [{ n: "a", t: "xs:string" }], f: [{ n: "c", t: "xs:string", min: 0, max: -1 }, { n: "d", t: "T", min: 0 }] }
    },
    elements: { r: { n: "r", ns: 0, t: "T" } }
  });
  const keeper = {
    openTag(tag) {
      shapeKeepers2.push(new ElementDecoder(schema, schema.element("r"), reader, tag, keeper, decodeSettings(), () => {
      }));
    },
    text() {
    },
    closeTag() {
    }
  };
  const reader = new XmlReader(keeper);
  reader.write('<r a="1">\n <c>x</c><c>y</c><d a="2"><c>z</c></d></r>');
  reader.end();
  shapeKeepers2.push(new SkipHandler(reader, keeper));
}

// runtime/src/soap/decode-envelope.ts
var ElementIndex = class {
  map = /* @__PURE__ */ new Map();
  size;
  constructor(refs) {
    for (const ref of refs ?? []) {
      const schema = compiledSchema(ref.schema);
      const element = schema.element(ref.element);
      this.map.set(`{${element.uri}}${element.local}`, { schema, element });
    }
    this.size = this.map.size;
  }
  get(tag) {
    return this.size === 0 ? void 0 : this.map.get(`{${tag.uri}}${tag.local}`);
  }
};
function isTrue(value) {
  const v = value?.trim();
  return v === "true" || v === "1";
}
function decodeBlock(reader, tag, previous, index, settings, extra, envelopeNs, done) {
  const found = index.get(tag);
  const base = { namespace: tag.uri, local: tag.local, ...extra };
  if (found !== void 0) {
    const onDone = (value) => done({ ...base, key: found.element.key, value });
    new ElementDecoder(found.schema, found.element, reader, tag, previous, settings, onDone, envelopeNs);
  } else {
    new RawCapture(reader, tag, previous, (xml2) => done({ ...base, xml: xml2 }));
  }
}
var EnvelopeHandler = class {
  constructor(options, settings) {
    this.options = options;
    this.settings = settings;
    this.bodyIndex = new ElementIndex(options.bodyDescriptors);
    this.headerIndex = new ElementIndex(options.headerDescriptors);
  }
  options;
  settings;
  reader;
  version;
  ns = "";
  where = 0 /* Document */;
  sawBody = false;
  sawHeader = false;
  bodyIndex;
  headerIndex;
  headers = [];
  body = [];
  fault = null;
  fail(code, message) {
    return new DecodeError(code, message, this.reader.position());
  }
  openTag(tag) {
    switch (this.where) {
      case 0 /* Document */: {
        const version = soapVersionOf(tag.uri);
        if (tag.local !== "Envelope" || version === void 0) {
          throw this.fail("not-soap-envelope", `root element {${tag.uri}}${tag.local} is not a SOAP 1.1 or 1.2 Envelope`);
        }
        if (this.options.version !== void 0 && version !== this.options.version) {
          throw this.fail("version-mismatch", `a SOAP ${version} envelope where SOAP ${this.options.version} was expected`);
        }
        this.version = version;
        this.ns = tag.uri;
        this.where = 1 /* Envelope */;
        return;
      }
      case 1 /* Envelope */:
      case 4 /* AfterBody */:
        if (tag.uri === this.ns && tag.local === "Header" && !this.sawBody && !this.sawHeader) {
          this.sawHeader = true;
          this.where = 2 /* Header */;
          return;
        }
        if (tag.uri === this.ns && tag.local === "Body" && !this.sawBody) {
          this.sawBody = true;
          this.where = 3 /* Body */;
          return;
        }
        throw this.fail("unexpected-element", `unexpected element {${tag.uri}}${tag.local} in the SOAP Envelope`);
      case 2 /* Header */: {
        const mu = this.mustUnderstand(tag);
        decodeBlock(this.reader, tag, this, this.headerIndex, this.settings, mu ? { mustUnderstand: true } : {}, this.ns, (b) => this.headers.push(b));
        return;
      }
      case 3 /* Body */:
        if (tag.uri === this.ns && tag.local === "Fault") {
          if (this.body.length > 0 || this.fault !== null) throw this.fail("unexpected-element", "a SOAP Fault must be the only body element");
          this.fault = new FaultHandler(this.reader, this, this.version, this.ns, new ElementIndex(this.options.faultDetailDescriptors), this.settings);
          return;
        }
        if (this.fault !== null) throw this.fail("unexpected-element", "a SOAP Fault must be the only body element");
        if (this.bodyIndex.size > 0 && this.bodyIndex.get(tag) === void 0 && this.settings.strict) {
          throw this.fail("unknown-element", `unexpected body element {${tag.uri}}${tag.local}`);
        }
        decodeBlock(this.reader, tag, this, this.bodyIndex, this.settings, {}, this.ns, (b) => this.body.push(b));
        return;
    }
  }
  mustUnderstand(tag) {
    for (const key in tag.attributes) {
      const a = tag.attributes[key];
      if (a.uri === this.ns && a.local === "mustUnderstand") return isTrue(a.value);
    }
    return false;
  }
  text(text) {
    if (this.settings.strict && text.trim() !== "") throw this.fail("unexpected-text", "text in the SOAP Envelope structure");
  }
  closeTag() {
    switch (this.where) {
      case 2 /* Header */:
        this.where = 1 /* Envelope */;
        return;
      case 3 /* Body */:
        this.where = 4 /* AfterBody */;
        return;
      case 1 /* Envelope */:
      case 4 /* AfterBody */:
        if (!this.sawBody) throw this.fail("missing-element", "the SOAP Envelope has no Body");
        this.where = 0 /* Document */;
        return;
      case 0 /* Document */:
        return;
    }
  }
};
var FaultHandler = class {
  constructor(reader, previous, version, ns, detailIndex, settings) {
    this.reader = reader;
    this.previous = previous;
    this.version = version;
    this.ns = ns;
    this.detailIndex = detailIndex;
    this.settings = settings;
    reader.handler = this;
  }
  reader;
  previous;
  version;
  ns;
  detailIndex;
  settings;
  names = [];
  buffer = "";
  faultCode;
  subcodes = [];
  reasons = [];
  lang;
  node;
  role;
  detail = [];
  fail(code, message) {
    return new DecodeError(code, message, this.reader.position());
  }
  /** True for an element of the fault structure: the envelope namespace in 1.2, unqualified (or the envelope's) in 1.1. */
  structural(tag) {
    return tag.uri === this.ns || this.version === "1.1" && tag.uri === "";
  }
  openTag(tag) {
    const parent = this.names[this.names.length - 1];
    if (parent === "Detail" || parent === "detail") {
      decodeBlock(this.reader, tag, this, this.detailIndex, this.settings, {}, this.ns, (b) => this.detail.push(b));
      return;
    }
    if (!this.structural(tag)) {
      if (this.settings.strict) throw this.fail("unexpected-element", `unexpected element {${tag.uri}}${tag.local} in a SOAP Fault`);
      new RawCapture(this.reader, tag, this, () => {
      });
      return;
    }
    this.names.push(tag.local);
    this.buffer = "";
    if (tag.local === "Text" || tag.local === "faultstring") {
      this.lang = void 0;
      for (const key in tag.attributes) {
        const a = tag.attributes[key];
        if (a.uri === XML_NS && a.local === "lang") this.lang = a.value;
      }
    }
  }
  text(text) {
    this.buffer += text;
  }
  closeTag() {
    const local = this.names.pop();
    if (local === void 0) {
      this.reader.handler = this.previous;
      return;
    }
    const parent = this.names[this.names.length - 1];
    const text = this.buffer;
    this.buffer = "";
    switch (local) {
      case "Value":
        if (parent === "Code") this.faultCode = this.qname(text);
        else if (parent === "Subcode") this.subcodes.push(this.qname(text));
        break;
      case "faultcode":
        this.faultCode = this.qname(text);
        break;
      case "Text":
      case "faultstring":
        this.reasons.push(this.lang === void 0 ? { text } : { text, lang: this.lang });
        break;
      case "Node":
        this.node = text.trim();
        break;
      case "Role":
      case "faultactor":
        this.role = text.trim();
        break;
    }
  }
  qname(text) {
    const value = text.trim();
    const colon = value.indexOf(":");
    const prefix = colon < 0 ? "" : value.slice(0, colon);
    const local = colon < 0 ? value : value.slice(colon + 1);
    const namespace = this.reader.resolve(prefix);
    if (namespace === void 0 && prefix !== "") throw this.fail("invalid-value", "a fault code uses an undeclared prefix");
    return { namespace: namespace ?? "", local };
  }
  toError(headers) {
    if (this.faultCode === void 0) throw this.fail("missing-element", "the SOAP Fault has no code");
    return new SoapFault({
      version: this.version,
      faultCode: this.faultCode,
      subcodes: this.subcodes,
      reasons: this.reasons,
      node: this.node,
      role: this.role,
      detail: this.detail,
      headers
    });
  }
};
function setUp(options) {
  const handler = new EnvelopeHandler(options, decodeSettings(options));
  const reader = new XmlReader(handler, { limits: options.limits });
  handler.reader = reader;
  return { handler, reader };
}
function finish(handler) {
  if (handler.fault !== null) throw handler.fault.toError(handler.headers);
  return { version: handler.version, headers: handler.headers, body: handler.body };
}
function decodeEnvelope(input, options = {}) {
  const { handler, reader } = setUp(options);
  reader.write(input);
  reader.end();
  return finish(handler);
}

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

// runtime/src/security/signers/pkcs12.ts
import forge from "node-forge";

// runtime/src/security/xmldsig/sign-assertion.ts
import { SignedXml } from "xml-crypto";
var ISSUER_XPATH = `/*/*[local-name(.)='Issuer' and namespace-uri(.)='${SAML2_NS}']`;

// runtime/src/security/xmldsig/verify-assertion.ts
import { SignedXml as SignedXml2 } from "xml-crypto";

// runtime/src/security/xml-dom.ts
import { DOMParser } from "@xmldom/xmldom";

// test/codec/descriptors/ebrim.ts
var RIM = 1;
var RS = 2;
var QUERY = 3;
var XML = 4;
var ebrimSchema = {
  v: 1,
  ns: [
    "",
    "urn:oasis:names:tc:ebxml-regrep:xsd:rim:3.0",
    "urn:oasis:names:tc:ebxml-regrep:xsd:rs:3.0",
    "urn:oasis:names:tc:ebxml-regrep:xsd:query:3.0",
    "http://www.w3.org/XML/1998/namespace"
  ],
  prefixes: ["", "rim", "rs", "query", "xml"],
  types: {
    referenceURI: { k: "s", ns: RIM, q: "referenceURI", b: "xs:anyURI" },
    String16: { k: "s", ns: RIM, q: "String16", b: "xs:string", f: { maxLength: 16 } },
    ShortName: { k: "s", ns: RIM, q: "ShortName", b: "xs:string", f: { maxLength: 64 } },
    LongName: { k: "s", ns: RIM, q: "LongName", b: "xs:string", f: { maxLength: 256 } },
    FreeFormText: { k: "s", ns: RIM, q: "FreeFormText", b: "xs:string", f: { maxLength: 1024 } },
    InternationalStringType: {
      k: "c",
      ns: RIM,
      q: "InternationalStringType",
      f: [{ r: "LocalizedString", min: 0, max: -1 }]
    },
    LocalizedStringType: {
      k: "c",
      ns: RIM,
      q: "LocalizedStringType",
      a: [
        { n: "lang", ns: XML, t: "xs:language", d: "en-US" },
        { n: "charset", t: "xs:anySimpleType", d: "UTF-8" },
        { n: "value", t: "FreeFormText", req: 1 }
      ]
    },
    SlotType1: {
      k: "c",
      ns: RIM,
      q: "SlotType1",
      f: [{ r: "ValueList" }],
      a: [{ n: "name", t: "LongName", req: 1 }, { n: "slotType", t: "referenceURI" }]
    },
    ValueListType: { k: "c", ns: RIM, q: "ValueListType", f: [{ r: "Value", min: 0, max: -1 }] },
    SlotListType: { k: "c", ns: RIM, q: "SlotListType", f: [{ r: "Slot", min: 0, max: -1 }] },
    IdentifiableType: {
      k: "c",
      ns: RIM,
      q: "IdentifiableType",
      f: [{ r: "Slot", min: 0, max: -1 }],
      a: [{ n: "id", t: "xs:anyURI", req: 1 }, { n: "home", t: "xs:anyURI" }]
    },
    ObjectRefType: {
      k: "c",
      ns: RIM,
      q: "ObjectRefType",
      b: "IdentifiableType",
      x: "e",
      a: [{ n: "createReplica", t: "xs:boolean", d: "false" }]
    },
    RegistryObjectType: {
      k: "c",
      ns: RIM,
      q: "RegistryObjectType",
      b: "IdentifiableType",
      x: "e",
      f: [
        { r: "Name", min: 0 },
        { r: "Description", min: 0 },
        { n: "VersionInfo", t: "VersionInfoType", min: 0 },
        { r: "Classification", min: 0, max: -1 },
        { r: "ExternalIdentifier", min: 0, max: -1 }
      ],
      a: [{ n: "lid", t: "xs:anyURI" }, { n: "objectType", t: "referenceURI" }, { n: "status", t: "referenceURI" }]
    },
    ClassificationType: {
      k: "c",
      ns: RIM,
      q: "ClassificationType",
      b: "RegistryObjectType",
      x: "e",
      a: [
        { n: "classificationScheme", t: "referenceURI" },
        { n: "classifiedObject", t: "referenceURI", req: 1 },
        { n: "classificationNode", t: "referenceURI" },
        { n: "nodeRepresentation", t: "LongName" }
      ]
    },
    ExternalIdentifierType: {
      k: "c",
      ns: RIM,
      q: "ExternalIdentifierType",
      b: "RegistryObjectType",
      x: "e",
      a: [
        { n: "registryObject", t: "referenceURI", req: 1 },
        { n: "identificationScheme", t: "referenceURI", req: 1 },
        { n: "value", t: "LongName", req: 1 }
      ]
    },
    ExtrinsicObjectType: {
      k: "c",
      ns: RIM,
      q: "ExtrinsicObjectType",
      b: "RegistryObjectType",
      x: "e",
      f: [{ n: "ContentVersionInfo", t: "VersionInfoType", min: 0 }],
      a: [{ n: "mimeType", t: "LongName", d: "application/octet-stream" }, { n: "isOpaque", t: "xs:boolean", d: "false" }]
    },
    AssociationType1: {
      k: "c",
      ns: RIM,
      q: "AssociationType1",
      b: "RegistryObjectType",
      x: "e",
      a: [
        { n: "associationType", t: "referenceURI", req: 1 },
        { n: "sourceObject", t: "referenceURI", req: 1 },
        { n: "targetObject", t: "referenceURI", req: 1 }
      ]
    },
    RegistryPackageType: {
      k: "c",
      ns: RIM,
      q: "RegistryPackageType",
      b: "RegistryObjectType",
      x: "e",
      f: [{ r: "RegistryObjectList", min: 0 }]
    },
    VersionInfoType: {
      k: "c",
      ns: RIM,
      q: "VersionInfoType",
      a: [{ n: "versionName", t: "String16", d: "1.1" }, { n: "comment", t: "xs:string" }]
    },
    RegistryObjectListType: {
      k: "c",
      ns: RIM,
      q: "RegistryObjectListType",
      f: [{
        r: "Identifiable",
        min: 0,
        max: -1,
        s: ["Association", "Classification", "ExternalIdentifier", "ExtrinsicObject", "Identifiable", "ObjectRef", "RegistryObject", "RegistryPackage"]
      }]
    },
    RegistryResponseType: {
      k: "c",
      ns: RS,
      q: "RegistryResponseType",
      f: [{ n: "ResponseSlotList", t: "SlotListType", min: 0 }, { r: "RegistryErrorList", min: 0 }],
      a: [{ n: "status", t: "referenceURI", req: 1 }, { n: "requestId", t: "xs:anyURI" }]
    },
    RegistryErrorList: {
      k: "c",
      ns: RS,
      f: [{ r: "RegistryError", max: -1 }],
      a: [{ n: "highestSeverity", t: "referenceURI" }]
    },
    RegistryError: {
      k: "c",
      ns: RS,
      b: "xs:string",
      x: "e",
      sc: "xs:string",
      a: [
        { n: "codeContext", t: "xs:string", req: 1 },
        { n: "errorCode", t: "xs:string", req: 1 },
        { n: "severity", t: "referenceURI", d: "urn:oasis:names:tc:ebxml-regrep:ErrorSeverityType:Error" },
        { n: "location", t: "xs:string" }
      ]
    },
    AdhocQueryResponse: {
      k: "c",
      ns: QUERY,
      b: "RegistryResponseType",
      x: "e",
      f: [{ r: "RegistryObjectList" }],
      a: [{ n: "startIndex", t: "xs:integer", d: "0" }, { n: "totalResultCount", t: "xs:integer" }]
    }
  },
  elements: {
    Identifiable: { n: "Identifiable", ns: RIM, t: "IdentifiableType" },
    ObjectRef: { n: "ObjectRef", ns: RIM, t: "ObjectRefType" },
    RegistryObject: { n: "RegistryObject", ns: RIM, t: "RegistryObjectType" },
    Association: { n: "Association", ns: RIM, t: "AssociationType1" },
    Classification: { n: "Classification", ns: RIM, t: "ClassificationType" },
    ExternalIdentifier: { n: "ExternalIdentifier", ns: RIM, t: "ExternalIdentifierType" },
    ExtrinsicObject: { n: "ExtrinsicObject", ns: RIM, t: "ExtrinsicObjectType" },
    RegistryPackage: { n: "RegistryPackage", ns: RIM, t: "RegistryPackageType" },
    RegistryObjectList: { n: "RegistryObjectList", ns: RIM, t: "RegistryObjectListType" },
    Slot: { n: "Slot", ns: RIM, t: "SlotType1" },
    ValueList: { n: "ValueList", ns: RIM, t: "ValueListType" },
    Value: { n: "Value", ns: RIM, t: "LongName" },
    Name: { n: "Name", ns: RIM, t: "InternationalStringType" },
    Description: { n: "Description", ns: RIM, t: "InternationalStringType" },
    LocalizedString: { n: "LocalizedString", ns: RIM, t: "LocalizedStringType" },
    RegistryErrorList: { n: "RegistryErrorList", ns: RS, t: "RegistryErrorList" },
    RegistryError: { n: "RegistryError", ns: RS, t: "RegistryError" },
    AdhocQueryResponse: { n: "AdhocQueryResponse", ns: QUERY, t: "AdhocQueryResponse" }
  }
};
var AdhocQueryResponse = elementRef(ebrimSchema, "AdhocQueryResponse");

// bench/codec/build-input.ts
import { readFileSync as readFileSync2 } from "node:fs";

// test/support/paths.ts
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
function findRepoRoot(start) {
  let dir = start;
  for (; ; ) {
    const pkg = join(dir, "package.json");
    if (existsSync(pkg)) {
      const parsed = JSON.parse(readFileSync(pkg, "utf8"));
      if (typeof parsed === "object" && parsed !== null && parsed.name === "volet") return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error("volet repository root not found above " + start);
    dir = parent;
  }
}
var repoRoot = findRepoRoot(dirname(fileURLToPath(import.meta.url)));
var corpusRoot = resolve(process.env.VOLET_CORPUS ?? join(repoRoot, "..", "shared", "wsdl-corpus"));
var corpusAvailable = existsSync(corpusRoot);
function corpus(...segments) {
  return join(corpusRoot, ...segments);
}
var corpusSkipReason = corpusAvailable ? false : `WSDL corpus not found at ${corpusRoot} (set VOLET_CORPUS)`;

// bench/codec/build-input.ts
var SOURCE = corpus("dmp-exemples-messages", "TD3.1_Recherche_de_document_reponse.xml");
function buildAdhocQueryResponse(count2) {
  const xml2 = readFileSync2(SOURCE, "utf8");
  const listStart = xml2.indexOf("<ns4:RegistryObjectList>");
  const first = xml2.indexOf("<ns4:ExtrinsicObject ", listStart);
  const end = xml2.indexOf("</ns4:ExtrinsicObject>", first) + "</ns4:ExtrinsicObject>".length;
  const listEnd = xml2.indexOf("</ns4:RegistryObjectList>");
  if (listStart < 0 || first < 0 || end < first || listEnd < end) throw new Error(`unexpected structure in ${SOURCE}`);
  const head = xml2.slice(0, first);
  const tail = xml2.slice(listEnd);
  const one = xml2.slice(first, end);
  const id = /id="urn:uuid:([0-9a-f-]+)"/.exec(one)?.[1] ?? "";
  const parts = [head.replace(/totalResultCount="\d+"/, `totalResultCount="${count2}"`)];
  for (let i = 0; i < count2; i++) {
    const suffix = i.toString(16).padStart(12, "0");
    parts.push("\r\n				", id === "" ? one : one.split(id).join(`${id.slice(0, 24)}${suffix}`));
  }
  parts.push("\r\n			", tail);
  return parts.join("");
}

// bench/codec/.prof-decode2.tmp.ts
var xml = readFileSync3("/tmp/adhoc.xml", "utf8");
var gc = globalThis.gc;
var keepers = [];
if (process.argv[3] === "keep") {
  const schema = compiledSchema(AdhocQueryResponse.schema);
  const el = schema.element(AdhocQueryResponse.element);
  const h = {
    openTag(tag) {
      if (tag.local === "AdhocQueryResponse") keepers.push(new ElementDecoder(schema, el, reader, tag, h, decodeSettings(), (v) => keepers.push(v)));
    },
    text() {
    },
    closeTag() {
    }
  };
  const reader = new XmlReader(h);
  reader.write(buildAdhocQueryResponse(2));
  reader.end();
  keepers.push(reader);
}
var t = [];
for (let r = 0; r < (Number(process.env.RUNS) || 15); r++) {
  if (process.argv[2] === "gc") gc?.();
  const t0 = performance.now();
  decodeEnvelope(xml, { version: "1.2", bodyDescriptors: [AdhocQueryResponse] });
  t.push(performance.now() - t0);
}
console.log(process.argv[2], process.argv[3], t.map((x) => x.toFixed(1)).join(" "));
