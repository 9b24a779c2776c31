/**
 * The exported API of one generated package, read from its files in memory: what `src/index.ts`
 * exports, each name reduced to plain data (signatures, members, type texts).
 *
 * Fast path (ts-morph docs, "Performance"): the files live in one in-memory ts-morph project, are
 * parsed only when `index.ts` re-exports from them, and are read through their compiler nodes
 * (`SourceFile.compilerNode`) rather than a ts-morph wrapper per node; `export ... from "../x.js"`
 * is resolved by path instead of by module resolution, and nothing asks the type checker. Types
 * are compared as text (`sdk-type-text.ts`).
 */
import { ts, type Project } from "ts-morph";
import type { OutputFile } from "../../output/write-tree.ts";
import { normalizeType } from "./sdk-type-text.ts";

export interface SdkParameter {
  readonly name: string;
  readonly type: string;
  /** `?`, a default value or a rest parameter: callers may leave it out. */
  readonly optional: boolean;
}

export interface SdkSignature {
  readonly typeParameters: string;
  readonly parameters: readonly SdkParameter[];
  readonly returnType: string;
}

/** A property, method, index or call signature of an interface or class. */
export interface SdkMember {
  readonly kind: "property" | "method";
  readonly optional: boolean;
  readonly readonly: boolean;
  /** The property's type; for methods, the signatures joined (used to spot any change). */
  readonly type: string;
  readonly signatures: readonly SdkSignature[];
}

export type SdkDeclaration =
  | { readonly kind: "function"; readonly signatures: readonly SdkSignature[] }
  | {
      readonly kind: "interface" | "class";
      readonly typeParameters: string;
      readonly heritage: readonly string[];
      readonly members: ReadonlyMap<string, SdkMember>;
    }
  | { readonly kind: "type"; readonly typeParameters: string; readonly text: string }
  | { readonly kind: "const"; readonly text: string; readonly members?: ReadonlyMap<string, string> }
  | { readonly kind: "enum"; readonly members: ReadonlyMap<string, string> }
  /** Re-exported from a file that is not in the package (or a form this reader does not model). */
  | { readonly kind: "unresolved"; readonly text: string };

export interface SdkExport {
  readonly name: string;
  /** Exported with `export type`: no value uses (calls, `new`, `instanceof`). */
  readonly typeOnly: boolean;
  readonly declaration: SdkDeclaration;
}

export type SdkSurface = ReadonlyMap<string, SdkExport>;

interface FileExports {
  /** Every top-level declaration by name, exported or not (for `export { local }`). */
  readonly locals: Map<string, SdkDeclaration>;
  readonly exports: Map<string, SdkExport>;
}

/**
 * Reads the exports of `entry` from `files` (package-relative paths), placing them under `root`
 * in `project` (an in-memory project shared by both sides of a diff).
 */
export function readSurface(
  project: Project,
  root: string,
  files: readonly OutputFile[],
  entry = "src/index.ts",
): SdkSurface {
  const texts = new Map(files.map((f) => [f.path, f.content]));
  const cache = new Map<string, FileExports>();

  const load = (path: string): FileExports | undefined => {
    const cached = cache.get(path);
    if (cached) return cached;
    const text = texts.get(path);
    if (text === undefined) return undefined;
    const into: FileExports = { locals: new Map(), exports: new Map() };
    cache.set(path, into); // cycle guard: a file re-exporting itself sees what is read so far
    const file = project.createSourceFile(`${root}/${path}`, text, { overwrite: true }).compilerNode;
    new FileReader(file, path, into, load).read();
    return into;
  };
  return load(entry)?.exports ?? new Map();
}

/** `./models.js` from `src/index.ts` -> `src/models.ts` (or `src/models/index.ts`). */
function resolveModule(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith(".")) return undefined;
  const parts = from.split("/").slice(0, -1);
  for (const part of specifier.split("/")) {
    if (part === "..") parts.pop();
    else if (part !== ".") parts.push(part);
  }
  const base = parts.join("/").replace(/\.(m?js|ts)$/, "");
  return [`${base}.ts`, `${base}/index.ts`].find(exists);
}

const hasModifier = (node: ts.Node, kind: ts.SyntaxKind) =>
  ts.canHaveModifiers(node) ? (ts.getModifiers(node)?.some((m) => m.kind === kind) ?? false) : false;
/** `export` on the declaration itself (`export default` is not a named export). */
const exportedHere = (node: ts.Node) =>
  hasModifier(node, ts.SyntaxKind.ExportKeyword) && !hasModifier(node, ts.SyntaxKind.DefaultKeyword);
const unquote = (name: string) => name.replace(/^(["'])(.*)\1$/, "$2");

type SignatureNode = ts.SignatureDeclarationBase;

/** One source file's declarations and exports. */
class FileReader {
  readonly #file: ts.SourceFile;
  readonly #path: string;
  readonly #into: FileExports;
  readonly #load: (path: string) => FileExports | undefined;

  constructor(file: ts.SourceFile, path: string, into: FileExports, load: (path: string) => FileExports | undefined) {
    this.#file = file;
    this.#path = path;
    this.#into = into;
    this.#load = load;
  }

  read(): void {
    const functions = new Map<string, ts.FunctionDeclaration[]>();
    const interfaces = new Map<string, ts.InterfaceDeclaration[]>();
    const exported = new Set<string>();
    const { locals, exports } = this.#into;
    for (const statement of this.#file.statements) {
      if (ts.isExportDeclaration(statement)) {
        this.#reexport(statement);
        continue;
      }
      const mark = (name: string) => {
        if (exportedHere(statement)) exported.add(name);
      };
      if (ts.isFunctionDeclaration(statement) && statement.name) {
        const name = statement.name.text;
        functions.set(name, [...(functions.get(name) ?? []), statement]);
        mark(name);
      } else if (ts.isInterfaceDeclaration(statement)) {
        const name = statement.name.text;
        interfaces.set(name, [...(interfaces.get(name) ?? []), statement]);
        mark(name);
      } else if (ts.isClassDeclaration(statement) && statement.name) {
        locals.set(statement.name.text, this.#class(statement));
        mark(statement.name.text);
      } else if (ts.isTypeAliasDeclaration(statement)) {
        locals.set(statement.name.text, {
          kind: "type",
          typeParameters: this.#typeParameters(statement.typeParameters),
          text: this.#text(statement.type),
        });
        mark(statement.name.text);
      } else if (ts.isEnumDeclaration(statement)) {
        locals.set(statement.name.text, {
          kind: "enum",
          members: new Map(statement.members.map((m) => [this.#name(m.name), this.#text(m.initializer)])),
        });
        mark(statement.name.text);
      } else if (ts.isVariableStatement(statement)) {
        for (const d of statement.declarationList.declarations) {
          const name = this.#name(d.name);
          locals.set(name, this.#const(d));
          mark(name);
        }
      }
    }
    for (const [name, overloads] of functions) {
      const signatures = overloads.filter((f) => !f.body);
      locals.set(name, {
        kind: "function",
        signatures: (signatures.length > 0 ? signatures : overloads).map((f) => this.#signature(f)),
      });
    }
    for (const [name, declarations] of interfaces) locals.set(name, this.#interface(declarations));
    for (const name of exported) {
      const declaration = locals.get(name);
      if (declaration)
        exports.set(name, {
          name,
          typeOnly: declaration.kind === "interface" || declaration.kind === "type",
          declaration,
        });
    }
  }

  /** `export { a, type B as C } from "../x.js"`, `export * from`, `export * as ns from`, `export { local }`. */
  #reexport(statement: ts.ExportDeclaration): void {
    const specifier =
      statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier)
        ? statement.moduleSpecifier.text
        : undefined;
    const target =
      specifier === undefined ? undefined : resolveModule(this.#path, specifier, (p) => this.#load(p) !== undefined);
    const source = target === undefined ? undefined : this.#load(target);
    const clause = statement.exportClause;
    const { exports, locals } = this.#into;
    if (clause && ts.isNamespaceExport(clause)) {
      const name = clause.name.text;
      exports.set(name, {
        name,
        typeOnly: statement.isTypeOnly,
        declaration: { kind: "unresolved", text: `* from ${specifier ?? ""}` },
      });
      return;
    }
    if (!clause) {
      for (const [name, e] of source?.exports ?? [])
        exports.set(name, { ...e, typeOnly: e.typeOnly || statement.isTypeOnly });
      return;
    }
    for (const element of clause.elements) {
      const name = (element.propertyName ?? element.name).text;
      const alias = element.name.text;
      const found = specifier === undefined ? undefined : source?.exports.get(name);
      const declaration = found?.declaration ?? (specifier === undefined ? locals.get(name) : undefined);
      exports.set(alias, {
        name: alias,
        typeOnly: statement.isTypeOnly || element.isTypeOnly || (found?.typeOnly ?? false),
        declaration: declaration ?? { kind: "unresolved", text: `${name} from ${specifier ?? this.#path}` },
      });
    }
  }

  #text(node: ts.Node | undefined): string {
    return node ? normalizeType(this.#file.text.slice(node.getStart(this.#file), node.end)) : "(inferred)";
  }

  #name(name: ts.PropertyName | ts.BindingName): string {
    return ts.isIdentifier(name) ||
      ts.isStringLiteral(name) ||
      ts.isNumericLiteral(name) ||
      ts.isPrivateIdentifier(name)
      ? name.text
      : unquote(this.#text(name));
  }

  #typeParameters(list: ts.NodeArray<ts.TypeParameterDeclaration> | undefined): string {
    return (list ?? []).map((t) => this.#text(t)).join(", ");
  }

  #signature(node: SignatureNode): SdkSignature {
    return {
      typeParameters: this.#typeParameters(node.typeParameters),
      parameters: node.parameters.map((p) => ({
        name: this.#name(p.name),
        type: this.#text(p.type),
        optional: Boolean(p.questionToken || p.initializer || p.dotDotDotToken),
      })),
      returnType: this.#text(node.type),
    };
  }

  #interface(declarations: readonly ts.InterfaceDeclaration[]): SdkDeclaration {
    const members = new Map<string, SdkMember>();
    const methods = new Map<string, { optional: boolean; signatures: SdkSignature[] }>();
    const method = (key: string, optional: boolean, node: SignatureNode) => {
      const entry = methods.get(key) ?? { optional, signatures: [] };
      entry.signatures.push(this.#signature(node));
      methods.set(key, entry);
    };
    for (const d of declarations) {
      for (const m of d.members) {
        const readonly = hasModifier(m, ts.SyntaxKind.ReadonlyKeyword);
        if (ts.isPropertySignature(m)) {
          members.set(this.#name(m.name), {
            kind: "property",
            optional: Boolean(m.questionToken),
            readonly,
            type: this.#text(m.type),
            signatures: [],
          });
        } else if (ts.isMethodSignature(m)) method(this.#name(m.name), Boolean(m.questionToken), m);
        else if (ts.isIndexSignatureDeclaration(m)) {
          const key = m.parameters[0];
          const name = key ? `[${this.#name(key.name)}: ${this.#text(key.type)}]` : "[]";
          members.set(name, { kind: "property", optional: true, readonly, type: this.#text(m.type), signatures: [] });
        } else if (ts.isCallSignatureDeclaration(m)) method("()", false, m);
        else if (ts.isConstructSignatureDeclaration(m)) method("new()", false, m);
      }
    }
    for (const [name, m] of methods) members.set(name, methodMember(m.signatures, m.optional));
    const first = declarations[0]!;
    return {
      kind: "interface",
      typeParameters: this.#typeParameters(first.typeParameters),
      heritage: declarations.flatMap((d) => this.#heritage(d)).sort(),
      members,
    };
  }

  #heritage(node: ts.ClassLikeDeclaration | ts.InterfaceDeclaration): string[] {
    return (node.heritageClauses ?? []).flatMap((h) =>
      h.types.map((t) => `${h.token === ts.SyntaxKind.ImplementsKeyword ? "implements " : ""}${this.#text(t)}`),
    );
  }

  /** The public API of a class: public (non-`#`) properties, accessors, methods and constructors. */
  #class(cls: ts.ClassDeclaration): SdkDeclaration {
    const members = new Map<string, SdkMember>();
    const methods = new Map<
      string,
      { optional: boolean; overloads: SignatureNode[]; implementation?: SignatureNode }
    >();
    const setters = new Set(cls.members.filter(ts.isSetAccessorDeclaration).map((s) => this.#name(s.name)));
    for (const m of cls.members) {
      if (
        hasModifier(m, ts.SyntaxKind.PrivateKeyword) ||
        hasModifier(m, ts.SyntaxKind.ProtectedKeyword) ||
        (m.name && ts.isPrivateIdentifier(m.name))
      )
        continue;
      const prefix = hasModifier(m, ts.SyntaxKind.StaticKeyword) ? "static " : "";
      const readonly = hasModifier(m, ts.SyntaxKind.ReadonlyKeyword);
      if (ts.isPropertyDeclaration(m)) {
        members.set(prefix + this.#name(m.name), {
          kind: "property",
          optional: Boolean(m.questionToken),
          readonly,
          type: this.#text(m.type ?? m.initializer),
          signatures: [],
        });
      } else if (ts.isGetAccessorDeclaration(m)) {
        const name = this.#name(m.name);
        members.set(prefix + name, {
          kind: "property",
          optional: false,
          readonly: !setters.has(name),
          type: this.#text(m.type),
          signatures: [],
        });
      } else if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m)) {
        const key = ts.isConstructorDeclaration(m) ? "constructor" : prefix + this.#name(m.name);
        const entry = methods.get(key) ?? { optional: Boolean(m.questionToken), overloads: [] };
        if (m.body) entry.implementation = m;
        else entry.overloads.push(m);
        methods.set(key, entry);
      }
    }
    for (const [key, m] of methods) {
      const nodes = m.overloads.length > 0 ? m.overloads : m.implementation ? [m.implementation] : [];
      members.set(
        key,
        methodMember(
          nodes.map((n) => this.#signature(n)),
          m.optional,
        ),
      );
    }
    // What users can call includes what the class inherits from a class of the package (the
    // convenience layer extends the generated client): the base's members, overridden by its own.
    const base = this.#baseClass(cls);
    const all = base?.kind === "class" ? new Map([...base.members, ...members]) : members;
    return {
      kind: "class",
      typeParameters: this.#typeParameters(cls.typeParameters),
      heritage: this.#heritage(cls),
      members: all,
    };
  }

  /** The class `cls` extends, when it is declared in this package (this file, or imported by name). */
  #baseClass(cls: ts.ClassDeclaration): SdkDeclaration | undefined {
    const extended = cls.heritageClauses?.find((h) => h.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    if (!extended || !ts.isIdentifier(extended)) return undefined;
    for (const statement of this.#file.statements) {
      if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
      const bindings = statement.importClause?.namedBindings;
      const element =
        bindings && ts.isNamedImports(bindings)
          ? bindings.elements.find((e) => e.name.text === extended.text)
          : undefined;
      if (!element) continue;
      const target = resolveModule(this.#path, statement.moduleSpecifier.text, (p) => this.#load(p) !== undefined);
      return target === undefined
        ? undefined
        : this.#load(target)?.locals.get((element.propertyName ?? element.name).text);
    }
    return this.#into.locals.get(extended.text);
  }

  /** `{ A: "a", ... } as const` (a `Known*` const) keeps its members; any other const its type or value text. */
  #const(d: ts.VariableDeclaration): SdkDeclaration {
    let value = d.initializer;
    if (value && ts.isAsExpression(value) && this.#text(value.type) === "const") value = value.expression;
    if (!d.type && value && ts.isObjectLiteralExpression(value) && value.properties.every(ts.isPropertyAssignment)) {
      const members = new Map(
        value.properties.filter(ts.isPropertyAssignment).map((p) => [this.#name(p.name), this.#text(p.initializer)]),
      );
      return { kind: "const", text: this.#text(d.initializer), members };
    }
    return { kind: "const", text: this.#text(d.type ?? d.initializer) };
  }
}

/** The text a member's signatures print as, so any change to them is a change of `type`. */
export function signatureText(s: SdkSignature): string {
  const params = s.parameters.map((p) => `${p.name}${p.optional ? "?" : ""}: ${p.type}`).join(", ");
  return `${s.typeParameters ? `<${s.typeParameters}>` : ""}(${params}) => ${s.returnType}`;
}

function methodMember(signatures: readonly SdkSignature[], optional = false): SdkMember {
  return { kind: "method", optional, readonly: false, type: signatures.map(signatureText).join(" & "), signatures };
}
