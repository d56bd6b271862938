namespace DataGateway.Core.Identifiers;

/// <summary>Why a string is not a USCC.</summary>
public enum UsccError
{
    /// <summary>The code is valid.</summary>
    None,

    /// <summary>Missing or not 18 characters.</summary>
    WrongLength,

    /// <summary>A character outside the 31-symbol alphabet (I, O, Z, S, V and lower case are never used).</summary>
    InvalidCharacter,

    /// <summary>Position 17, the GB 11714 organisation-code check, does not match.</summary>
    OrganisationCheckMismatch,

    /// <summary>Position 18, the mod-31 check, does not match.</summary>
    CheckCharacterMismatch,
}
