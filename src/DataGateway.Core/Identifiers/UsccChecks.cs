namespace DataGateway.Core.Identifiers;

/// <summary>The two check-character algorithms of a USCC (DOMAIN.md "Identifiers").</summary>
internal static class UsccChecks
{
    /// <summary>The 31-symbol alphabet of GB 32100: digits and letters without I, O, Z, S, V.</summary>
    internal const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    // W_i = 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015 §5.2).
    private static readonly int[] CodeWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997 weights over the 8 body characters of the organisation code.
    private static readonly int[] OrganisationWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    internal static UsccError Validate(string? text)
    {
        if (text is null || text.Length != Uscc.Length)
        {
            return UsccError.WrongLength;
        }

        foreach (var c in text)
        {
            if (Alphabet.IndexOf(c, StringComparison.Ordinal) < 0)
            {
                return UsccError.InvalidCharacter;
            }
        }

        if (OrganisationCheckCharacter(text.AsSpan(8, 8)) != text[16])
        {
            return UsccError.OrganisationCheckMismatch;
        }

        return CodeCheckCharacter(text.AsSpan(0, 17)) != text[17]
            ? UsccError.CheckCharacterMismatch
            : UsccError.None;
    }

    /// <summary>Position 18: (31 - sum(C_i * W_i) mod 31) mod 31, mapped back through the alphabet.</summary>
    internal static char CodeCheckCharacter(ReadOnlySpan<char> first17)
    {
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            sum += Alphabet.IndexOf(first17[i]) * CodeWeights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>
    /// Position 17: GB 11714 over the plain alphabet (digits 0-9, A=10 ... Z=35), 11 - sum mod 11,
    /// where 10 is written X and 11 is written 0.
    /// </summary>
    internal static char OrganisationCheckCharacter(ReadOnlySpan<char> body8)
    {
        var sum = 0;
        for (var i = 0; i < 8; i++)
        {
            var c = body8[i];
            var value = c is >= '0' and <= '9' ? c - '0' : c - 'A' + 10;
            sum += value * OrganisationWeights[i];
        }

        return (11 - (sum % 11)) switch
        {
            10 => 'X',
            11 => '0',
            var digit => (char)('0' + digit),
        };
    }
}
