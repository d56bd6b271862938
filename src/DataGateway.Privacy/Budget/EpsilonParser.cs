using System.Numerics;

namespace DataGateway.Privacy.Budget;

/// <summary>
/// Exact parser for the JSON number grammar (RFC 8259 §6) into micro-units: the significand
/// digits and the exponent are kept as integers, so 0.1 is one tenth, not 0.1000000000000000055.
/// </summary>
internal static class EpsilonParser
{
    // Longer input is not a plausible epsilon and would only cost work.
    private const int MaxTextLength = 64;
    private const int MicroExponent = 6;

    public static EpsilonError Parse(ReadOnlySpan<char> text, out long microUnits)
    {
        microUnits = 0;
        if (text.IsEmpty || text.Length > MaxTextLength)
        {
            return EpsilonError.NotANumber;
        }

        var i = 0;
        var negative = text[0] == '-';
        if (negative)
        {
            i++;
        }

        var integerStart = i;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
        }

        var integerDigits = text[integerStart..i];
        if (integerDigits.IsEmpty || (integerDigits.Length > 1 && integerDigits[0] == '0'))
        {
            return EpsilonError.NotANumber;
        }

        var fractionDigits = ReadOnlySpan<char>.Empty;
        if (i < text.Length && text[i] == '.')
        {
            var fractionStart = ++i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
            }

            fractionDigits = text[fractionStart..i];
            if (fractionDigits.IsEmpty)
            {
                return EpsilonError.NotANumber;
            }
        }

        var exponent = 0;
        if (i < text.Length && (text[i] == 'e' || text[i] == 'E'))
        {
            i++;
            var exponentNegative = i < text.Length && text[i] == '-';
            if (i < text.Length && (text[i] == '-' || text[i] == '+'))
            {
                i++;
            }

            var exponentStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                // Saturate: any exponent this large is already too large or too precise.
                exponent = int.Min((exponent * 10) + (text[i] - '0'), 1_000_000);
                i++;
            }

            if (i == exponentStart)
            {
                return EpsilonError.NotANumber;
            }

            exponent = exponentNegative ? -exponent : exponent;
        }

        if (i != text.Length)
        {
            return EpsilonError.NotANumber;
        }

        // value = significand · 10^(exponent - |fraction|); in micro-units add 6 to the power.
        var digits = string.Concat(integerDigits, fractionDigits).TrimStart('0');
        var trimmed = digits.TrimEnd('0');
        if (trimmed.Length == 0 || negative)
        {
            return EpsilonError.NotPositive;
        }

        var power = exponent - fractionDigits.Length + MicroExponent + (digits.Length - trimmed.Length);
        if (power < 0)
        {
            // The last significant digit is non-zero, so the value is not a whole micro-unit.
            return EpsilonError.TooPrecise;
        }

        if (trimmed.Length + power > 19)
        {
            return EpsilonError.TooLarge;
        }

        var value = BigInteger.Parse(trimmed, System.Globalization.CultureInfo.InvariantCulture) * BigInteger.Pow(10, power);
        if (value > Epsilon.MaxMicroUnits)
        {
            return EpsilonError.TooLarge;
        }

        microUnits = (long)value;
        return EpsilonError.None;
    }
}
