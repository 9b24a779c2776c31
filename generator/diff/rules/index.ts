/**
 * The rule tables: every wire rule (`RULES`, in the order reports list them within a level) and
 * every TypeScript-API rule (`SDK_RULES`, in the order RULES.md lists them). Adding a rule means
 * adding its file (named after its id) and one line here; the ids of these tables are the types
 * `RuleId` and `SdkRuleId`. `test/diff/rules.test.ts` fails on duplicate ids, on a rule file that
 * is not listed and on unclaimed changes.
 */
import { operationAdded } from "./operation-added.ts";
import { operationRemoved } from "./operation-removed.ts";
import { operationRemovedAfterDeprecation } from "./operation-removed-after-deprecation.ts";
import { operationDeprecated } from "./operation-deprecated.ts";
import { operationIdChanged } from "./operation-id-changed.ts";
import { pathParameterRenamed } from "./path-parameter-renamed.ts";
import { operationPagingChanged } from "./operation-paging-changed.ts";
import { requestParameterAddedRequired } from "./request-parameter-added-required.ts";
import { requestParameterAddedOptional } from "./request-parameter-added-optional.ts";
import { requestRequiredParameterRemoved } from "./request-required-parameter-removed.ts";
import { requestOptionalParameterRemoved } from "./request-optional-parameter-removed.ts";
import { requestParameterBecameRequired } from "./request-parameter-became-required.ts";
import { requestParameterBecameOptional } from "./request-parameter-became-optional.ts";
import { requestParameterLocationChanged } from "./request-parameter-location-changed.ts";
import { requestParameterDefaultChanged } from "./request-parameter-default-changed.ts";
import { requestParameterDefaultAdded } from "./request-parameter-default-added.ts";
import { requestParameterSerializationChanged } from "./request-parameter-serialization-changed.ts";
import { requestParameterDeprecated } from "./request-parameter-deprecated.ts";
import { requestBodyAddedRequired } from "./request-body-added-required.ts";
import { requestBodyAddedOptional } from "./request-body-added-optional.ts";
import { requestBodyRemoved } from "./request-body-removed.ts";
import { requestOptionalBodyRemoved } from "./request-optional-body-removed.ts";
import { requestBodyBecameRequired } from "./request-body-became-required.ts";
import { requestBodyBecameOptional } from "./request-body-became-optional.ts";
import { requestMediaTypeChanged } from "./request-media-type-changed.ts";
import { responseMediaTypeChanged } from "./response-media-type-changed.ts";
import { responseSuccessStatusAdded } from "./response-success-status-added.ts";
import { responseSuccessStatusRemoved } from "./response-success-status-removed.ts";
import { responseErrorStatusAdded } from "./response-error-status-added.ts";
import { responseErrorStatusRemoved } from "./response-error-status-removed.ts";
import { responseBodyAdded } from "./response-body-added.ts";
import { responseBodyRemoved } from "./response-body-removed.ts";
import { responseHeaderAdded } from "./response-header-added.ts";
import { responseRequiredHeaderRemoved } from "./response-required-header-removed.ts";
import { responseOptionalHeaderRemoved } from "./response-optional-header-removed.ts";
import { responseHeaderBecameOptional } from "./response-header-became-optional.ts";
import { responseHeaderBecameRequired } from "./response-header-became-required.ts";
import { requestPropertyAddedRequired } from "./request-property-added-required.ts";
import { requestPropertyAddedOptional } from "./request-property-added-optional.ts";
import { responsePropertyAdded } from "./response-property-added.ts";
import { requestPropertyRemoved } from "./request-property-removed.ts";
import { responseRequiredPropertyRemoved } from "./response-required-property-removed.ts";
import { responseOptionalPropertyRemoved } from "./response-optional-property-removed.ts";
import { requestPropertyBecameRequired } from "./request-property-became-required.ts";
import { requestPropertyBecameOptional } from "./request-property-became-optional.ts";
import { responsePropertyBecameOptional } from "./response-property-became-optional.ts";
import { responsePropertyBecameRequired } from "./response-property-became-required.ts";
import { requestPropertyBecameReadOnly } from "./request-property-became-read-only.ts";
import { responsePropertyBecameWriteOnly } from "./response-property-became-write-only.ts";
import { propertyDeprecated } from "./property-deprecated.ts";
import { requestPropertyDefaultChanged } from "./request-property-default-changed.ts";
import { requestPropertyDefaultAdded } from "./request-property-default-added.ts";
import { responsePropertyDefaultChanged } from "./response-property-default-changed.ts";
import { requestTypeChanged } from "./request-type-changed.ts";
import { responseTypeChanged } from "./response-type-changed.ts";
import { requestTypeGeneralized } from "./request-type-generalized.ts";
import { responseTypeGeneralized } from "./response-type-generalized.ts";
import { requestTypeSpecialized } from "./request-type-specialized.ts";
import { responseTypeSpecialized } from "./response-type-specialized.ts";
import { requestBecameNullable } from "./request-became-nullable.ts";
import { responseBecameNullable } from "./response-became-nullable.ts";
import { requestBecameNonNullable } from "./request-became-non-nullable.ts";
import { responseBecameNonNullable } from "./response-became-non-nullable.ts";
import { requestEnumValueAdded } from "./request-enum-value-added.ts";
import { responseEnumValueAdded } from "./response-enum-value-added.ts";
import { responseExtensibleEnumValueAdded } from "./response-extensible-enum-value-added.ts";
import { requestEnumValueRemoved } from "./request-enum-value-removed.ts";
import { responseEnumValueRemoved } from "./response-enum-value-removed.ts";
import { requestBecameEnum } from "./request-became-enum.ts";
import { responseBecameEnum } from "./response-became-enum.ts";
import { requestEnumDropped } from "./request-enum-dropped.ts";
import { responseEnumDropped } from "./response-enum-dropped.ts";
import { responseEnumBecameExtensible } from "./response-enum-became-extensible.ts";
import { responseEnumBecameClosed } from "./response-enum-became-closed.ts";
import { requestEnumBecameClosed } from "./request-enum-became-closed.ts";
import { requestEnumBecameExtensible } from "./request-enum-became-extensible.ts";
import { requestConstraintTightened } from "./request-constraint-tightened.ts";
import { requestConstraintRelaxed } from "./request-constraint-relaxed.ts";
import { requestConstraintAdded } from "./request-constraint-added.ts";
import { requestConstraintRemoved } from "./request-constraint-removed.ts";
import { responseConstraintRelaxed } from "./response-constraint-relaxed.ts";
import { responseConstraintRemoved } from "./response-constraint-removed.ts";
import { responseConstraintTightened } from "./response-constraint-tightened.ts";
import { responseConstraintAdded } from "./response-constraint-added.ts";
import { requestPatternAdded } from "./request-pattern-added.ts";
import { requestPatternChanged } from "./request-pattern-changed.ts";
import { requestPatternRemoved } from "./request-pattern-removed.ts";
import { responsePatternChanged } from "./response-pattern-changed.ts";
import { requestUnionVariantAdded } from "./request-union-variant-added.ts";
import { requestUnionVariantRemoved } from "./request-union-variant-removed.ts";
import { responseUnionVariantAdded } from "./response-union-variant-added.ts";
import { responseUnionVariantRemoved } from "./response-union-variant-removed.ts";
import { discriminatorChanged } from "./discriminator-changed.ts";
import { additionalPropertiesAdded } from "./additional-properties-added.ts";
import { additionalPropertiesRemoved } from "./additional-properties-removed.ts";
import { securitySchemeAdded } from "./security-scheme-added.ts";
import { globalSecurityAdded } from "./global-security-added.ts";
import { globalSecurityRemoved } from "./global-security-removed.ts";
import { securitySchemeRemoved } from "./security-scheme-removed.ts";
import { securitySchemeChanged } from "./security-scheme-changed.ts";
import { operationSecurityAdded } from "./operation-security-added.ts";
import { operationSecurityRemoved } from "./operation-security-removed.ts";
import { serverUrlChanged } from "./server-url-changed.ts";
import { serverVariableAddedRequired } from "./server-variable-added-required.ts";
import { serverVariableAddedOptional } from "./server-variable-added-optional.ts";
import { apiVersionDecreased } from "./api-version-decreased.ts";
import { sdkExportAdded } from "./sdk-export-added.ts";
import { sdkExportRemoved } from "./sdk-export-removed.ts";
import { sdkExportRenamed } from "./sdk-export-renamed.ts";
import { sdkExportKindChanged } from "./sdk-export-kind-changed.ts";
import { sdkExportBecameTypeOnly } from "./sdk-export-became-type-only.ts";
import { sdkExportBecameValue } from "./sdk-export-became-value.ts";
import { sdkOverloadAdded } from "./sdk-overload-added.ts";
import { sdkOverloadRemoved } from "./sdk-overload-removed.ts";
import { sdkParameterAddedRequired } from "./sdk-parameter-added-required.ts";
import { sdkParameterAddedOptional } from "./sdk-parameter-added-optional.ts";
import { sdkParameterInserted } from "./sdk-parameter-inserted.ts";
import { sdkParameterRemoved } from "./sdk-parameter-removed.ts";
import { sdkParametersReordered } from "./sdk-parameters-reordered.ts";
import { sdkParameterRenamed } from "./sdk-parameter-renamed.ts";
import { sdkParameterBecameRequired } from "./sdk-parameter-became-required.ts";
import { sdkParameterBecameOptional } from "./sdk-parameter-became-optional.ts";
import { sdkTypeWidened } from "./sdk-type-widened.ts";
import { sdkTypeNarrowed } from "./sdk-type-narrowed.ts";
import { sdkTypeChanged } from "./sdk-type-changed.ts";
import { sdkKnownValuesChanged } from "./sdk-known-values-changed.ts";
import { sdkTypeParametersChanged } from "./sdk-type-parameters-changed.ts";
import { sdkExtendsChanged } from "./sdk-extends-changed.ts";
import { sdkPropertyAddedOptional } from "./sdk-property-added-optional.ts";
import { sdkPropertyAddedRequired } from "./sdk-property-added-required.ts";
import { sdkPropertyRemoved } from "./sdk-property-removed.ts";
import { sdkMethodAdded } from "./sdk-method-added.ts";
import { sdkMethodRenamed } from "./sdk-method-renamed.ts";
import { sdkMethodRemoved } from "./sdk-method-removed.ts";
import { sdkPropertyBecameRequired } from "./sdk-property-became-required.ts";
import { sdkPropertyBecameOptional } from "./sdk-property-became-optional.ts";
import { sdkPropertyBecameReadOnly } from "./sdk-property-became-read-only.ts";
import { sdkPropertyBecameMutable } from "./sdk-property-became-mutable.ts";
import { sdkConstMemberAdded } from "./sdk-const-member-added.ts";
import { sdkConstMemberRemoved } from "./sdk-const-member-removed.ts";
import { sdkConstMemberChanged } from "./sdk-const-member-changed.ts";
import { sdkConstChanged } from "./sdk-const-changed.ts";

export const RULES = [
  operationAdded,
  operationRemoved,
  operationRemovedAfterDeprecation,
  operationDeprecated,
  operationIdChanged,
  pathParameterRenamed,
  operationPagingChanged,
  requestParameterAddedRequired,
  requestParameterAddedOptional,
  requestRequiredParameterRemoved,
  requestOptionalParameterRemoved,
  requestParameterBecameRequired,
  requestParameterBecameOptional,
  requestParameterLocationChanged,
  requestParameterDefaultChanged,
  requestParameterDefaultAdded,
  requestParameterSerializationChanged,
  requestParameterDeprecated,
  requestBodyAddedRequired,
  requestBodyAddedOptional,
  requestBodyRemoved,
  requestOptionalBodyRemoved,
  requestBodyBecameRequired,
  requestBodyBecameOptional,
  requestMediaTypeChanged,
  responseMediaTypeChanged,
  responseSuccessStatusAdded,
  responseSuccessStatusRemoved,
  responseErrorStatusAdded,
  responseErrorStatusRemoved,
  responseBodyAdded,
  responseBodyRemoved,
  responseHeaderAdded,
  responseRequiredHeaderRemoved,
  responseOptionalHeaderRemoved,
  responseHeaderBecameOptional,
  responseHeaderBecameRequired,
  requestPropertyAddedRequired,
  requestPropertyAddedOptional,
  responsePropertyAdded,
  requestPropertyRemoved,
  responseRequiredPropertyRemoved,
  responseOptionalPropertyRemoved,
  requestPropertyBecameRequired,
  requestPropertyBecameOptional,
  responsePropertyBecameOptional,
  responsePropertyBecameRequired,
  requestPropertyBecameReadOnly,
  responsePropertyBecameWriteOnly,
  propertyDeprecated,
  requestPropertyDefaultChanged,
  requestPropertyDefaultAdded,
  responsePropertyDefaultChanged,
  requestTypeChanged,
  responseTypeChanged,
  requestTypeGeneralized,
  responseTypeGeneralized,
  requestTypeSpecialized,
  responseTypeSpecialized,
  requestBecameNullable,
  responseBecameNullable,
  requestBecameNonNullable,
  responseBecameNonNullable,
  requestEnumValueAdded,
  responseEnumValueAdded,
  responseExtensibleEnumValueAdded,
  requestEnumValueRemoved,
  responseEnumValueRemoved,
  requestBecameEnum,
  responseBecameEnum,
  requestEnumDropped,
  responseEnumDropped,
  responseEnumBecameExtensible,
  responseEnumBecameClosed,
  requestEnumBecameClosed,
  requestEnumBecameExtensible,
  requestConstraintTightened,
  requestConstraintRelaxed,
  requestConstraintAdded,
  requestConstraintRemoved,
  responseConstraintRelaxed,
  responseConstraintRemoved,
  responseConstraintTightened,
  responseConstraintAdded,
  requestPatternAdded,
  requestPatternChanged,
  requestPatternRemoved,
  responsePatternChanged,
  requestUnionVariantAdded,
  requestUnionVariantRemoved,
  responseUnionVariantAdded,
  responseUnionVariantRemoved,
  discriminatorChanged,
  additionalPropertiesAdded,
  additionalPropertiesRemoved,
  securitySchemeAdded,
  securitySchemeRemoved,
  securitySchemeChanged,
  globalSecurityAdded,
  globalSecurityRemoved,
  operationSecurityAdded,
  operationSecurityRemoved,
  serverUrlChanged,
  serverVariableAddedRequired,
  serverVariableAddedOptional,
  apiVersionDecreased,
] as const;

export const SDK_RULES = [
  sdkExportAdded,
  sdkExportRemoved,
  sdkExportRenamed,
  sdkExportKindChanged,
  sdkExportBecameTypeOnly,
  sdkExportBecameValue,
  sdkOverloadAdded,
  sdkOverloadRemoved,
  sdkParameterAddedRequired,
  sdkParameterAddedOptional,
  sdkParameterInserted,
  sdkParameterRemoved,
  sdkParametersReordered,
  sdkParameterRenamed,
  sdkParameterBecameRequired,
  sdkParameterBecameOptional,
  sdkTypeWidened,
  sdkTypeNarrowed,
  sdkTypeChanged,
  sdkKnownValuesChanged,
  sdkTypeParametersChanged,
  sdkExtendsChanged,
  sdkPropertyAddedOptional,
  sdkPropertyAddedRequired,
  sdkPropertyRemoved,
  sdkMethodAdded,
  sdkMethodRenamed,
  sdkMethodRemoved,
  sdkPropertyBecameRequired,
  sdkPropertyBecameOptional,
  sdkPropertyBecameReadOnly,
  sdkPropertyBecameMutable,
  sdkConstMemberAdded,
  sdkConstMemberRemoved,
  sdkConstMemberChanged,
  sdkConstChanged,
] as const;

/** The id of a wire rule: a misspelt one does not compile. */
export type RuleId = (typeof RULES)[number]["id"];

/** The id of a TypeScript-API rule. */
export type SdkRuleId = (typeof SDK_RULES)[number]["id"];

const RULE_IDS: ReadonlySet<string> = new Set(RULES.map((r) => r.id));

/** Whether `id` (read from a file: a suppression) names a wire rule. */
export const isRuleId = (id: string): id is RuleId => RULE_IDS.has(id);
