namespace DataGateway.Storage.Consent;

/// <summary>The state of a grant at one instant; derived from its dates, never stored.</summary>
public enum ConsentStatus
{
    /// <summary>Its term has not started.</summary>
    Pending,

    /// <summary>In its term and not revoked.</summary>
    Active,

    /// <summary>Revoked; revocation wins over expiry.</summary>
    Revoked,

    /// <summary>Past its <c>expiresAt</c>.</summary>
    Expired,
}
