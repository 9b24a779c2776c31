/**
 * The data of a diff: what the engine finds (`Change`), what a rule turns it into (`Finding`), and
 * the rule table's shape. Plain data throughout, so reports, suppressions and the later
 * TypeScript-API layer all read the same records.
 */
import type { JsonValue } from "../ir/types.ts";
import type { RuleId, SdkRuleId } from "./rules/index.ts";

export type { RuleId, SdkRuleId };

export type Level = "error" | "warning" | "info";

/**
 * Which way the changed thing travels: the client *sends* it (`request`: parameters, request
 * bodies), *receives* it (`response`: bodies, headers, status codes), or neither (`none`:
 * security, servers, the operation list itself). The direction decides whether a change breaks.
 */
export type Direction = "request" | "response" | "none";

export type ProfileName = "default" | "azure";

/** Where a change is: an operation ("POST /identities") or a named model, plus a readable path. */
export interface ChangePlace {
  readonly direction: Direction;
  /** "POST /identities" (the new document's path template) when the change is inside an operation. */
  readonly operation?: string;
  /** Named type (`NamedTypeIR.name` of the new document) when the change is inside a model. */
  readonly model?: string;
  /** e.g. "POST /identities request body .customId" or "CommunicationIdentity.customId". */
  readonly location: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
  /** What the change is in, on each side, for `source-locations.ts` (never rendered itself). */
  readonly anchor?: Anchor;
  /** The cursor's steps below the anchor (`.name`, `[]`, `{}`, `&0`, `|Variant`). */
  readonly steps?: readonly string[];
}

/** An operation of one side, as the document names it. */
export interface OperationRef {
  readonly method: string;
  readonly path: string;
}

/** The part of an operation a change is in; names per side (a parameter may be renamed or moved). */
export type AnchorPart =
  | {
      readonly kind: "parameter";
      readonly old?: { readonly in: string; readonly name: string };
      readonly new?: { readonly in: string; readonly name: string };
    }
  | { readonly kind: "request-body" }
  | { readonly kind: "response"; readonly status: string; readonly header?: string; readonly body?: boolean }
  | { readonly kind: "security" };

/**
 * The root a change hangs from, on both sides: an operation (absent on the side that lacks it), a
 * named model (by IR name), or a fixed place of the document (JSON pointers).
 */
export type Anchor =
  | { readonly kind: "operation"; readonly old?: OperationRef; readonly new?: OperationRef; readonly part?: AnchorPart }
  | { readonly kind: "model"; readonly old: string; readonly new: string }
  | { readonly kind: "document"; readonly pointer: string };

/** Where a finding is in one document: RFC 6901 pointer (escaped) in `file`, with its line and column. */
export interface SourcePosition {
  /** As the report names the file: the side's source for the main file, never an absolute path. */
  readonly file: string;
  readonly pointer: string;
  readonly line?: number;
  readonly column?: number;
}

export type Relation = "tightened" | "relaxed" | "added" | "removed";
export type TypeRelation = "changed" | "generalized" | "specialized";

/** What the engine saw, before any rule judged it. One `kind` per shape of change. */
export type ChangeFact =
  // Operations
  | { readonly kind: "operation-added" }
  | { readonly kind: "operation-removed"; readonly deprecated: boolean }
  | { readonly kind: "operation-deprecated" }
  | { readonly kind: "operation-id-changed" }
  | { readonly kind: "path-parameter-renamed" }
  | { readonly kind: "paging-changed"; readonly paged: boolean }
  // Parameters
  | { readonly kind: "parameter-added"; readonly required: boolean; readonly hasDefault: boolean }
  | { readonly kind: "parameter-removed"; readonly required: boolean }
  | { readonly kind: "parameter-required-changed"; readonly required: boolean }
  | { readonly kind: "parameter-location-changed" }
  | { readonly kind: "parameter-serialization-changed" }
  | { readonly kind: "parameter-default-changed" }
  | { readonly kind: "parameter-deprecated" }
  // Bodies, media types, status codes
  | { readonly kind: "request-body-added"; readonly required: boolean }
  | { readonly kind: "request-body-removed"; readonly required: boolean }
  | { readonly kind: "request-body-required-changed"; readonly required: boolean }
  | { readonly kind: "media-type-changed" }
  | { readonly kind: "status-added"; readonly success: boolean }
  | { readonly kind: "status-removed"; readonly success: boolean }
  | { readonly kind: "response-body-added" }
  | { readonly kind: "response-body-removed" }
  // Response headers
  | { readonly kind: "header-added" }
  | { readonly kind: "header-removed"; readonly required: boolean }
  | { readonly kind: "header-required-changed"; readonly required: boolean }
  // Properties
  | { readonly kind: "property-added"; readonly required: boolean; readonly note?: string }
  | { readonly kind: "property-removed"; readonly required: boolean }
  | { readonly kind: "property-required-changed"; readonly required: boolean }
  | { readonly kind: "property-became-read-only" }
  | { readonly kind: "property-became-write-only" }
  | { readonly kind: "property-deprecated" }
  | { readonly kind: "property-default-changed" }
  // Types, nullability, enums
  | { readonly kind: "type-changed"; readonly relation: TypeRelation; readonly detail: string }
  | { readonly kind: "nullable-changed"; readonly nullable: boolean }
  | { readonly kind: "enum-values-added"; readonly extensible: boolean; readonly values: readonly (string | number)[] }
  | { readonly kind: "enum-values-removed"; readonly values: readonly (string | number)[] }
  | { readonly kind: "became-enum" }
  | { readonly kind: "enum-dropped" }
  | { readonly kind: "enum-extensibility-changed"; readonly extensible: boolean }
  // Constraints
  | { readonly kind: "constraint-changed"; readonly constraint: string; readonly relation: Relation }
  | { readonly kind: "pattern-changed"; readonly relation: "added" | "changed" | "removed" }
  // Composition
  | { readonly kind: "union-variant-added"; readonly variant: string }
  | { readonly kind: "union-variant-removed"; readonly variant: string }
  | { readonly kind: "discriminator-changed" }
  | { readonly kind: "additional-properties-added" }
  | { readonly kind: "additional-properties-removed" }
  // Security, servers, version
  | { readonly kind: "security-scheme-added" }
  | { readonly kind: "security-scheme-removed" }
  | { readonly kind: "security-scheme-changed"; readonly detail: string }
  | { readonly kind: "operation-security-added" }
  | { readonly kind: "operation-security-removed" }
  | { readonly kind: "global-security-added" }
  | { readonly kind: "global-security-removed" }
  | { readonly kind: "server-url-changed" }
  | { readonly kind: "server-variable-added"; readonly hasDefault: boolean }
  | { readonly kind: "api-version-decreased" };

export type ChangeKind = ChangeFact["kind"];

/** One change the engine found: a fact at a place. */
export type Change = ChangeFact & ChangePlace;

/** The fact of one kind, for a rule's `check`. */
export type ChangeOf<K extends ChangeKind> = Extract<Change, { kind: K }>;

/**
 * A rule of the table: a stable kebab-case id on oasdiff's (direction, area, kind, action) tuple,
 * a level per profile, and `check`, which claims the changes it judges and says what changed.
 * Every change the engine emits is claimed by exactly one rule (a test holds this).
 */
export interface Rule<Id extends string = string> {
  readonly id: Id;
  /** The default profile's level. */
  readonly level: Level;
  /** Azure's cross-version severity (diff-rules.md §1.2), when it differs or is worth stating. */
  readonly azureLevel?: Level;
  /** The Azure openapi-diff code the azure level comes from, e.g. "1039 AddedOperation". */
  readonly azureCode?: string;
  /** The direction of the changes the rule judges; "any" when the level is the same both ways. */
  readonly direction: Direction | "any";
  /** What the rule detects. */
  readonly description: string;
  /** One line: why the change does or does not break clients. */
  readonly why: string;
  /** Row(s) of shared/reference/diff-rules.md §1.1, and where this rule departs from the tools there. */
  readonly taxonomy: string;
  /** Where the peer tool (api-smart-diff) calls this change breaking and we do not: why. */
  readonly peer?: string;
  /** The one-line description of this change, or undefined when the rule does not judge it. */
  check(change: Change): string | undefined;
}

/** How user code uses a changed export: passes it (`input`), gets it back (`output`), or both. */
export type Usage = "input" | "output" | "both";

/**
 * A rule of the TypeScript-API layer: a stable `sdk-*` id, a level per usage (like a wire rule's
 * direction: what user code passes is `input`, what it gets back `output`), and why, one line per
 * usage or one for both. The comparison (`sdk/sdk-compare.ts`) names the rule of each change.
 */
export interface SdkRule<Id extends string = string> {
  readonly id: Id;
  readonly level: { readonly input: Level; readonly output: Level };
  /** What the rule detects. */
  readonly description: string;
  /** Why, one line: the same for both usages, or per usage. */
  readonly why: string | { readonly input: string; readonly output: string };
}

export interface Finding {
  readonly ruleId: RuleId;
  readonly level: Level;
  readonly direction: Direction;
  readonly operation?: string;
  /** The operations through which a model change is reached (model findings only), sorted. */
  readonly operations?: readonly string[];
  readonly model?: string;
  readonly location: string;
  /** One line: what changed, and why it does or does not break. */
  readonly message: string;
  readonly before?: JsonValue;
  readonly after?: JsonValue;
  /** sha256 of rule id, direction and location (first 16 hex digits): stable across commits. */
  readonly fingerprint: string;
  /** Where the finding is in the old document (the nearest existing parent when it is new). */
  readonly oldAt?: SourcePosition;
  /** Where the finding is in the new document (the nearest existing parent when it was removed). */
  readonly newAt?: SourcePosition;
  /** Hook for the TypeScript-API layer: what a user of the generated package sees. */
  readonly sdk?: readonly string[];
  /** The data the message was rendered from, for the SDK layer and the reports (not in the JSON report). */
  readonly facts?: FindingFacts;
}

/** What a finding says, as data: read by the SDK layer and the reports instead of the message. */
export interface FindingFacts {
  /** What changed, in words: the message without the rule's why (the rule's `check` text). */
  readonly what: string;
  /** The engine's anchor of the change (its operation part, model or document place) and the steps below it. */
  readonly anchor?: Anchor;
  readonly steps: readonly string[];
  /** The SDK notes (`sdk`) as data: each line's level and text, as the TypeScript-API layer tied them. */
  readonly notes?: readonly SdkNote[];
}

/** One line of a finding's `sdk` notes: `error: text` in the JSON report, bold in Markdown. */
export interface SdkNote {
  readonly level: Level;
  readonly text: string;
}

export interface Suppression {
  readonly ruleId: RuleId;
  /** The finding's location, exactly; a trailing `*` matches any location starting with the rest. */
  readonly location: string;
  readonly reason: string;
}

export interface SuppressedFinding extends Finding {
  readonly reason: string;
}

/** The two sides of a diff, as a report names them. */
export interface SideInfo {
  readonly title: string;
  readonly version: string;
  /** As the user gave it (relative path or label): never an absolute path, for stable output. */
  readonly source?: string;
}

export interface DiffReport {
  readonly old: SideInfo;
  readonly new: SideInfo;
  readonly profile: ProfileName;
  /** Findings that count toward the gate, deterministically sorted. */
  readonly findings: readonly Finding[];
  readonly suppressed: readonly SuppressedFinding[];
  /** Suppression entries that matched nothing (likely stale). */
  readonly unusedSuppressions: readonly Suppression[];
  /** The TypeScript-API view (`sdk-layer.ts`), when the generated packages were compared too. */
  readonly sdk?: SdkReport;
  /** Properties removed and added with the same type in one model: maybe renames (`rename-hints.ts`). */
  readonly renames?: readonly RenameHint[];
}

export interface RenameHint {
  /** The model (new name). */
  readonly model: string;
  readonly from: string;
  readonly to: string;
  /** The type both have, as the report describes types. */
  readonly type: string;
}

/** One generated package of a diff, as npm names it. */
export interface SdkPackage {
  readonly name: string;
  readonly version: string;
}

/**
 * One change of the generated package's exported API (`src/index.ts`), judged by an SDK rule
 * (`rules/sdk-*.ts`): error = code written against the old package no longer compiles, warning = it
 * may not, or compiles but behaves differently, info = existing code is unaffected.
 */
export interface SdkChange {
  readonly ruleId: SdkRuleId;
  readonly level: Level;
  /** The exported name the change is in (the new name of a renamed export). */
  readonly export: string;
  /** A parameter, property or method of the export; `Client.method` members are `method`, parameters `(name)`. */
  readonly member?: string;
  /** One line: what changed, and why it does or does not break code using the package. */
  readonly message: string;
  readonly before?: string;
  readonly after?: string;
  /** Fingerprints of the wire findings the change belongs to; absent for SDK-only changes. */
  readonly findings?: readonly string[];
  /** The data the message was rendered from, for tying and notes (not in the JSON report). */
  readonly facts?: SdkChangeFacts;
}

/** What an SDK change says, as data. */
export interface SdkChangeFacts {
  /** What changed, in words: the message without the rule's why. */
  readonly what: string;
  /** The thing the message opens with (`function \`createUser\``, `method \`Client.createUser\``), when it opens with one. */
  readonly subject?: SdkSubject;
  /** The parameter the change is in: its name, and the method it belongs to (absent: the exported function's). */
  readonly parameter?: { readonly name: string; readonly of?: string };
}

/** A declaration by kind and name, as messages name it: `${kind} \`${name}\``. */
export interface SdkSubject {
  readonly kind: "function" | "interface" | "class" | "type" | "const" | "enum" | "export" | "method" | "property";
  /** The export's name, or `Owner.member` for a member. */
  readonly name: string;
}

export interface SdkReport {
  readonly old: SdkPackage;
  readonly new: SdkPackage;
  /** Sorted by export, member and rule id. */
  readonly changes: readonly SdkChange[];
}
