using System.Collections.Frozen;

namespace DataGateway.Core.Problems;

/// <summary>
/// The one catalogue of client-facing problem codes (API.md "Errors"). Log messages are
/// separate; these strings are a contract and change only with the API.
/// </summary>
public static class ProblemCodes
{
#pragma warning disable CS1591 // Each member is documented by its title.
    public static readonly ProblemCode InvalidJson = new("invalid_json", 400, "The body is not valid JSON for this endpoint.");
    public static readonly ProblemCode InvalidRequest = new("invalid_request", 400, "A required member is missing or has the wrong type.");
    public static readonly ProblemCode UnknownMember = new("unknown_member", 400, "The body has a member this endpoint does not accept.");
    public static readonly ProblemCode InvalidSubject = new("invalid_subject", 400, "The subject is not a valid unified social credit code.");
    public static readonly ProblemCode UnknownField = new("unknown_field", 400, "The field is not in the catalog.");
    public static readonly ProblemCode UnknownPredicate = new("unknown_predicate", 400, "The predicate is not in the catalog.");
    public static readonly ProblemCode ParamNotAllowed = new("param_not_allowed", 400, "A parameter is missing, unknown or not one of the allowed values.");
    public static readonly ProblemCode UnknownPurpose = new("unknown_purpose", 400, "The purpose is not defined by policy.");
    public static readonly ProblemCode TooManyChecks = new("too_many_checks", 400, "The request has no checks or more than policy allows.");
    public static readonly ProblemCode InvalidCiphertext = new("invalid_ciphertext", 400, "A ciphertext is not valid for the public key.");
    public static readonly ProblemCode InvalidPublicKey = new("invalid_public_key", 400, "The public key is not acceptable.");
    public static readonly ProblemCode EpsilonOutOfRange = new("epsilon_out_of_range", 400, "Epsilon is outside the range policy allows.");
    public static readonly ProblemCode EmptyPurposes = new("empty_purposes", 400, "A consent must name at least one purpose.");
    public static readonly ProblemCode UnknownCategory = new("unknown_category", 400, "A data category is not in the catalog.");
    public static readonly ProblemCode UnknownScope = new("unknown_scope", 400, "A consent scope is not one of verify or score.");
    public static readonly ProblemCode UnknownInstitution = new("unknown_institution", 400, "The institution is not registered by policy.");
    public static readonly ProblemCode CategoryNotAllowed = new("category_not_allowed", 400, "Policy does not let a named purpose cover a named category.");
    public static readonly ProblemCode InvalidExpiry = new("invalid_expiry", 400, "The consent's expiry is not after its start and the present time.");
    public static readonly ProblemCode TermTooLong = new("term_too_long", 400, "The consent's term is longer than policy allows for a named purpose.");
    public static readonly ProblemCode InvalidModel = new("invalid_model", 400, "The model's shape is not acceptable: its id, scale, feature count, or a weight count that differs from the feature count.");
    public static readonly ProblemCode TooManySubjects = new("too_many_subjects", 400, "The batch has no subjects, a subject twice, or more subjects than policy allows.");
    public static readonly ProblemCode UnknownMetric = new("unknown_metric", 400, "The metric is not count, sum or mean.");
    public static readonly ProblemCode UnknownDimension = new("unknown_dimension", 400, "A group-by or filter dimension is not a public aggregate dimension, or is named twice.");
    public static readonly ProblemCode FieldNotAggregatable = new("field_not_aggregatable", 400, "The field cannot be measured by this metric under policy (not numeric, or no clamp bounds).");
    public static readonly ProblemCode TooManyGroups = new("too_many_groups", 400, "The query groups by more dimensions, or spans more groups, than policy allows.");
    public static readonly ProblemCode Unauthenticated = new("unauthenticated", 401, "A valid bearer token is required.");
    public static readonly ProblemCode ClientCertificateRequired = new("client_certificate_required", 401, "The bearer token needs a TLS client certificate on the connection: it is certificate-bound, or this gateway requires one of institutions.");
    public static readonly ProblemCode ClientCertificateMismatch = new("client_certificate_mismatch", 401, "The bearer token is bound to another TLS client certificate, or to another institution, than the connection's.");
    public static readonly ProblemCode TicketInvalid = new("ticket_invalid", 401, "The node ticket is missing, forged, expired, replayed or for another query.");
    public static readonly ProblemCode RoleNotAllowed = new("role_not_allowed", 403, "The caller's role may not use this endpoint.");
    public static readonly ProblemCode ClientCertificateInvalid = new("client_certificate_invalid", 403, "The TLS client certificate is not a client certificate of the trusted CA, is outside its validity, or is revoked.");
    public static readonly ProblemCode InstitutionNotRegistered = new("institution_not_registered", 403, "The institution is not registered by policy.");
    public static readonly ProblemCode PurposeNotAllowed = new("purpose_not_allowed", 403, "Policy does not allow this purpose for the institution.");
    public static readonly ProblemCode PredicateNotAllowed = new("predicate_not_allowed", 403, "Policy does not allow this predicate for the institution.");
    public static readonly ProblemCode ConsentRequired = new("consent_required", 403, "No active consent covers this query.");
    public static readonly ProblemCode ConsentRevoked = new("consent_revoked", 403, "The consent covering this query was revoked.");
    public static readonly ProblemCode ConsentExpired = new("consent_expired", 403, "The consent covering this query has expired.");
    public static readonly ProblemCode ConsentScope = new("consent_scope", 403, "Consents exist, but none covers this purpose, scope and every category asked.");
    public static readonly ProblemCode ConsentExhausted = new("consent_exhausted", 403, "The consent covering this query has used up its maximum number of queries.");
    public static readonly ProblemCode TooManyModels = new("too_many_models", 403, "The institution holds as many models as policy allows; delete one first.");
    public static readonly ProblemCode AggregatesNotAllowed = new("aggregates_not_allowed", 403, "Policy does not let this institution ask aggregates.");
    public static readonly ProblemCode SubjectNotFound = new("subject_not_found", 404, "No data node holds this subject.");
    public static readonly ProblemCode ModelNotFound = new("model_not_found", 404, "No such model.");
    public static readonly ProblemCode ConsentNotFound = new("consent_not_found", 404, "No such consent.");
    public static readonly ProblemCode NotFound = new("not_found", 404, "No such resource.");
    public static readonly ProblemCode MethodNotAllowed = new("method_not_allowed", 405, "The method is not allowed on this resource.");
    public static readonly ProblemCode ModelExists = new("model_exists", 409, "A model with this id exists.");
    public static readonly ProblemCode RequestTimeout = new("request_timeout", 408, "The request body arrived too slowly; the connection is closed.");
    public static readonly ProblemCode PayloadTooLarge = new("payload_too_large", 413, "The body is larger than this endpoint accepts.");
    public static readonly ProblemCode UnsupportedMediaType = new("unsupported_media_type", 415, "The body must be application/json.");
    public static readonly ProblemCode FeatureUnavailable = new("feature_unavailable", 422, "A feature of the model has no data for this subject, or none within the encoding's bounds.");
    public static readonly ProblemCode RateLimited = new("rate_limited", 429, "Too many requests.");
    public static readonly ProblemCode QueryLimitExceeded = new("query_limit_exceeded", 429, "The query limit for this subject and predicate is used up for the period.");
    public static readonly ProblemCode BudgetExhausted = new("budget_exhausted", 429, "The privacy budget for the period is used up.");
    /// <summary>Never sent: the client is gone. The audit outcome of a request whose client left before its answer (nginx's 499).</summary>
    public static readonly ProblemCode ClientClosedRequest = new("client_closed_request", 499, "The client closed the connection before the answer was ready; nothing was released.");
    public static readonly ProblemCode InternalError = new("internal_error", 500, "The gateway failed to process the request.");
    public static readonly ProblemCode EgressViolation = new("egress_violation", 502, "The data node returned a response outside the result schema; nothing was released.");
    public static readonly ProblemCode NodeUnavailable = new("node_unavailable", 503, "The data node holding the subject could not answer.");
    public static readonly ProblemCode NodeTimeout = new("node_timeout", 504, "The data node did not answer in time; nothing was released.");
    public static readonly ProblemCode StoreUnavailable = new("store_unavailable", 503, "A store the gateway depends on is unavailable.");
    public static readonly ProblemCode AuditUnavailable = new("audit_unavailable", 503, "The audit log cannot record the request, so nothing is answered.");
    public static readonly ProblemCode AuditCorrupt = new("audit_corrupt", 503, "The audit log failed its integrity check; the gateway refuses to serve.");
    public static readonly ProblemCode AuditAnchorStale = new("audit_anchor_stale", 503, "The audit log could not be checkpointed for longer than policy allows; queries are refused until it can.");
    public static readonly ProblemCode PolicyUnavailable = new("policy_unavailable", 503, "No valid policy is loaded.");
#pragma warning restore CS1591

    /// <summary>Every code, for documentation and tests.</summary>
    public static readonly IReadOnlyList<ProblemCode> All = typeof(ProblemCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.FieldType == typeof(ProblemCode))
        .Select(f => (ProblemCode)f.GetValue(null)!)
        .ToArray();

    private static readonly FrozenDictionary<string, ProblemCode> ByCode = All.ToFrozenDictionary(p => p.Code, StringComparer.Ordinal);

    /// <summary>Looks a problem up by its code.</summary>
    public static bool TryGet(string? code, out ProblemCode problem) =>
        ByCode.TryGetValue(code ?? string.Empty, out problem!);
}
