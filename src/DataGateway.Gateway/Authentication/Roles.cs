namespace DataGateway.Gateway.Authentication;

/// <summary>The roles of API.md "Authentication"; each is also an authorization policy name.</summary>
internal static class Roles
{
    public const string Institution = "institution";
    public const string Owner = "owner";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    /// <summary>Claim types as API.md names them; inbound claim mapping is off so these arrive verbatim.</summary>
    public const string RoleClaim = "role";
    public const string InstitutionClaim = "inst";
    public const string UsccClaim = "uscc";
    public const string SubjectClaim = "sub";
}
