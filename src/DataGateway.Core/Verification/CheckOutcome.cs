namespace DataGateway.Core.Verification;

/// <summary>The answer to one check. Missing or stale data is <see cref="Unknown"/>, never false.</summary>
public enum CheckOutcome
{
    /// <summary>The data does not establish the predicate either way.</summary>
    Unknown,

    /// <summary>The predicate holds.</summary>
    True,

    /// <summary>The predicate does not hold.</summary>
    False,
}

/// <summary>Wire form of <see cref="CheckOutcome"/>: <c>true</c>, <c>false</c>, <c>unknown</c>.</summary>
public static class CheckOutcomes
{
    /// <summary>The wire string.</summary>
    public static string ToWire(this CheckOutcome outcome) => outcome switch
    {
        CheckOutcome.True => "true",
        CheckOutcome.False => "false",
        _ => "unknown",
    };

    /// <summary>Parses the exact wire string.</summary>
    public static bool TryParse(string? wire, out CheckOutcome outcome)
    {
        (var ok, outcome) = wire switch
        {
            "true" => (true, CheckOutcome.True),
            "false" => (true, CheckOutcome.False),
            "unknown" => (true, CheckOutcome.Unknown),
            _ => (false, CheckOutcome.Unknown),
        };
        return ok;
    }

    /// <summary>An outcome from an optional boolean: null is unknown.</summary>
    public static CheckOutcome From(bool? value) => value switch
    {
        true => CheckOutcome.True,
        false => CheckOutcome.False,
        null => CheckOutcome.Unknown,
    };
}
