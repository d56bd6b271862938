namespace DataGateway.Core.Verification;

/// <summary>How a predicate parameter is written and checked.</summary>
public enum ParameterKind
{
    /// <summary>A JSON integer that must be one of the allowed values.</summary>
    Number,

    /// <summary>A JSON array of codes that must equal one of the allowed sets.</summary>
    CodeSet,

    /// <summary>
    /// A personal value (a name, an ID number) the gateway HMACs before it goes anywhere;
    /// it has no allowed list because it is matched, never compared by order.
    /// </summary>
    Secret,
}
