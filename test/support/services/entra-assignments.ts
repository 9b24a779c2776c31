/**
 * Entra ID access assignments (2025-03-02-preview), keyed by object id: get, upsert (201 created /
 * 200 replaced), delete, list with `nextLink` paging, and bulk update by JSON merge patch
 * (RFC 7396, `application/merge-patch+json` only, else 415): a map keyed by objectId where `null`
 * removes the assignment and an object is merged into the existing one (or creates it). The bulk
 * update is validated in full before anything changes. It answers 200 with the first page of the
 * resulting list, or 204 when the request says `Prefer: return=minimal`.
 */
import { HttpError, type RequestContext } from "./http-kit.ts";
import { param, type IdentityCall, type IdentityCore, type IdentityRoute } from "./identity-api.ts";
import { Pager } from "./paging.ts";
import {
  isJsonObject,
  readJsonObject,
  requiredString,
  stringArray,
  invalid,
  type JsonObject,
} from "./request-validation.ts";

export interface EntraAssignment {
  readonly objectId: string;
  readonly tenantId: string;
  /** Extensible enum: `user`, `group`, `tenant`, or any other string. */
  readonly principalType: string;
  readonly clientIds: readonly string[];
}

export class EntraAssignments {
  readonly #items = new Map<string, EntraAssignment>();

  get(objectId: string): EntraAssignment | undefined {
    return this.#items.get(objectId);
  }

  /** Stores the assignment; true when it did not exist before. */
  put(assignment: EntraAssignment): boolean {
    const created = !this.#items.has(assignment.objectId);
    this.#items.set(assignment.objectId, assignment);
    return created;
  }

  delete(objectId: string): boolean {
    return this.#items.delete(objectId);
  }

  /** Every assignment, ordered by objectId (the paging key). */
  list(): EntraAssignment[] {
    return [...this.#items.values()].sort((a, b) => (a.objectId < b.objectId ? -1 : a.objectId > b.objectId ? 1 : 0));
  }

  /** Applies a bulk merge patch atomically (400 naming `<objectId>.<field>` on the first invalid entry). */
  applyMergePatch(patch: JsonObject): void {
    const changes: Array<[string, EntraAssignment | null]> = [];
    for (const [objectId, value] of Object.entries(patch)) {
      if (objectId === "") throw invalid("objectId", "An objectId key must not be empty.");
      if (value === null) {
        changes.push([objectId, null]);
        continue;
      }
      if (!isJsonObject(value)) throw invalid(objectId, `The value for '${objectId}' must be an object or null.`);
      const current = this.#items.get(objectId);
      const merged = mergePatch(current ? { ...current } : {}, value);
      changes.push([objectId, assignmentFrom(objectId, merged, `${objectId}.`)]);
    }
    for (const [objectId, assignment] of changes) {
      if (assignment) this.#items.set(objectId, assignment);
      else this.#items.delete(objectId);
    }
  }
}

/** RFC 7396: objects merge member by member, `null` deletes, anything else replaces. */
export function mergePatch(target: JsonObject, patch: JsonObject): JsonObject {
  const result: JsonObject = { ...target };
  for (const [name, value] of Object.entries(patch)) {
    if (value === null) delete result[name];
    else if (isJsonObject(value)) result[name] = mergePatch(isJsonObject(result[name]) ? result[name] : {}, value);
    else result[name] = value;
  }
  return result;
}

function assignmentFrom(objectId: string, body: JsonObject, prefix: string): EntraAssignment {
  return {
    objectId,
    tenantId: requiredString(body, "tenantId", `${prefix}tenantId`),
    principalType: requiredString(body, "principalType", `${prefix}principalType`),
    clientIds: stringArray(body, "clientIds", { required: true, nonEmpty: false, label: `${prefix}clientIds` }) ?? [],
  };
}

const COLLECTION = "/access/entra/assignments";

export function entraAssignmentRoutes(core: IdentityCore): IdentityRoute[] {
  const assignments = core.entra;
  const pager = new Pager();

  function existing(call: IdentityCall): EntraAssignment {
    const found = assignments.get(param(call, "objectId"));
    if (!found)
      throw new HttpError(404, "AssignmentNotFound", `No Entra assignment for object '${param(call, "objectId")}'.`);
    return found;
  }

  function firstPage(ctx: RequestContext, version: string) {
    return pager.page(ctx, assignments.list(), (a) => a.objectId, core.pageSize, version);
  }

  return [
    {
      method: "GET",
      path: COLLECTION,
      operationId: "EntraIdAssignments_List",
      previewOnly: true,
      handle: (call) => ({ status: 200, body: firstPage(call.ctx, call.version) }),
    },
    {
      method: "PATCH",
      path: COLLECTION,
      operationId: "EntraIdAssignments_Update",
      previewOnly: true,
      handle(call) {
        const patch = readJsonObject(call.ctx, { required: true, mediaType: "application/merge-patch+json" }) ?? {};
        assignments.applyMergePatch(patch);
        if (/\breturn=minimal\b/i.test(String(call.ctx.headers["prefer"] ?? ""))) return { status: 204 };
        // The first page of the resulting list; a continuation token on the PATCH URL is ignored.
        const ctx: RequestContext = { ...call.ctx, query: new URLSearchParams() };
        return { status: 200, body: firstPage(ctx, call.version) };
      },
    },
    {
      method: "GET",
      path: `${COLLECTION}/{objectId}`,
      operationId: "EntraIdAssignment_Get",
      previewOnly: true,
      handle: (call) => ({ status: 200, body: existing(call) }),
    },
    {
      method: "PUT",
      path: `${COLLECTION}/{objectId}`,
      operationId: "EntraIdAssignment_Upsert",
      previewOnly: true,
      handle(call) {
        const body = readJsonObject(call.ctx, { required: true }) ?? {};
        const assignment = assignmentFrom(param(call, "objectId"), body, "");
        return { status: assignments.put(assignment) ? 201 : 200, body: assignment };
      },
    },
    {
      method: "DELETE",
      path: `${COLLECTION}/{objectId}`,
      operationId: "EntraIdAssignment_Delete",
      previewOnly: true,
      handle(call) {
        assignments.delete(existing(call).objectId);
        return { status: 204 };
      },
    },
  ];
}
