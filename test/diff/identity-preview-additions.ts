/** The 11 operations communication-identity 2025-03-02-preview adds to 2023-10-01 (seed 004). */
export const ADDED_OPERATIONS = [
  "POST /access/entra/:exchangeAccessToken",
  "GET /access/entra/assignments",
  "PATCH /access/entra/assignments",
  "DELETE /access/entra/assignments/{objectId}",
  "GET /access/entra/assignments/{objectId}",
  "PUT /access/entra/assignments/{objectId}",
  "POST /access/teamsExtension/:exchangeAccessToken",
  "DELETE /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}",
  "GET /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}",
  "PUT /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}",
  "GET /identities/{id}",
];
