using System.Diagnostics.CodeAnalysis;

namespace DataGateway.Core.Identifiers;

/// <summary>
/// A Unified Social Credit Code (GB 32100-2015): 18 characters whose position 17 is the
/// GB 11714 organisation-code check and position 18 the mod-31 check over the first 17.
/// </summary>
public readonly record struct Uscc
{
    /// <summary>Length of every code.</summary>
    public const int Length = 18;

    private Uscc(string value) => Value = value;

    /// <summary>The 18 characters, upper case.</summary>
    public string Value { get; }

    /// <summary>Positions 3-4: the province prefix of the administrative division (GB/T 2260).</summary>
    public string ProvinceCode => Value.Substring(2, 2);

    /// <summary>Positions 3-8: the administrative division code; it routes a subject to its data node.</summary>
    public string DivisionCode => Value.Substring(2, 6);

    /// <summary>Positions 9-17: the organisation code (GB 11714) including its own check character.</summary>
    public string OrganisationCode => Value.Substring(8, 9);

    /// <summary>Parses and validates both check characters; the error says what is wrong without echoing input.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out Uscc code, out UsccError error)
    {
        code = default;
        error = UsccChecks.Validate(text);
        if (error != UsccError.None)
        {
            return false;
        }

        code = new Uscc(text!);
        return true;
    }

    /// <summary>Parses a code that must be valid; for trusted inputs such as the generated dataset.</summary>
    public static Uscc Parse(string text) =>
        TryParse(text, out var code, out var error)
            ? code
            : throw new FormatException($"Not a valid USCC: {error}.");

    /// <summary>
    /// Builds a valid code from its first 16 characters by appending both check characters.
    /// </summary>
    public static Uscc FromBody(string first16)
    {
        ArgumentNullException.ThrowIfNull(first16);
        if (first16.Length != 16)
        {
            throw new ArgumentException("The body of a USCC is 16 characters.", nameof(first16));
        }

        var organisationCheck = UsccChecks.OrganisationCheckCharacter(first16.AsSpan(8, 8));
        var first17 = first16 + organisationCheck;
        return Parse(first17 + UsccChecks.CodeCheckCharacter(first17));
    }

    /// <inheritdoc />
    public override string ToString() => Value;
}
