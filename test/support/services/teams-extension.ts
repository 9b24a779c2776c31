/**
 * Teams Phone extension access assignments (2025-03-02-preview), keyed by tenant and object id:
 * get, upsert (201 when created, 200 when replaced), delete. The Teams extension token exchange
 * (token-exchanges.ts) admits only principals assigned here.
 */
import { HttpError } from "./http-kit.ts";
import { param, type IdentityCall, type IdentityCore, type IdentityRoute } from "./identity-api.ts";
import { readJsonObject, requiredString, stringArray } from "./request-validation.ts";

export interface TeamsExtensionAssignment {
  readonly objectId: string;
  readonly tenantId: string;
  /** Extensible enum: `resourceAccount`, `user`, or any other string. */
  readonly principalType: string;
  readonly clientIds?: readonly string[];
}

export class TeamsExtensionAssignments {
  readonly #items = new Map<string, TeamsExtensionAssignment>();

  get(tenantId: string, objectId: string): TeamsExtensionAssignment | undefined {
    return this.#items.get(key(tenantId, objectId));
  }

  /** Stores the assignment; true when it did not exist before. */
  put(assignment: TeamsExtensionAssignment): boolean {
    const k = key(assignment.tenantId, assignment.objectId);
    const created = !this.#items.has(k);
    this.#items.set(k, assignment);
    return created;
  }

  delete(tenantId: string, objectId: string): boolean {
    return this.#items.delete(key(tenantId, objectId));
  }

  list(): TeamsExtensionAssignment[] {
    return [...this.#items.values()];
  }
}

function key(tenantId: string, objectId: string): string {
  return `${tenantId}/${objectId}`;
}

const PATH = "/access/teamsExtension/tenants/{tenantId}/assignments/{objectId}";

export function teamsExtensionRoutes(core: IdentityCore): IdentityRoute[] {
  const assignments = core.teamsExtension;

  function existing(call: IdentityCall): TeamsExtensionAssignment {
    const found = assignments.get(param(call, "tenantId"), param(call, "objectId"));
    if (!found) {
      throw new HttpError(
        404,
        "AssignmentNotFound",
        `No Teams Phone assignment for object '${param(call, "objectId")}' in tenant '${param(call, "tenantId")}'.`,
      );
    }
    return found;
  }

  return [
    {
      method: "GET",
      path: PATH,
      operationId: "TeamsExtensionAssignment_Get",
      previewOnly: true,
      handle: (call) => ({ status: 200, body: existing(call) }),
    },
    {
      method: "PUT",
      path: PATH,
      operationId: "TeamsExtensionAssignment_Upsert",
      previewOnly: true,
      handle(call) {
        const body = readJsonObject(call.ctx, { required: true });
        const principalType = requiredString(body, "principalType");
        const clientIds = stringArray(body, "clientIds", { required: false, nonEmpty: false });
        const assignment: TeamsExtensionAssignment = {
          objectId: param(call, "objectId"),
          tenantId: param(call, "tenantId"),
          principalType,
          ...(clientIds ? { clientIds } : {}),
        };
        return { status: assignments.put(assignment) ? 201 : 200, body: assignment };
      },
    },
    {
      method: "DELETE",
      path: PATH,
      operationId: "TeamsExtensionAssignment_Delete",
      previewOnly: true,
      handle(call) {
        existing(call);
        assignments.delete(param(call, "tenantId"), param(call, "objectId"));
        return { status: 204 };
      },
    },
  ];
}
