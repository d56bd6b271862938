using System.Globalization;
using DataGateway.Core.Identifiers;

namespace DataGateway.Dataset.Generation;

/// <summary>
/// Hands out unique synthetic codes <c>9 C DDDDDD PDY nnnnn</c> (DOMAIN.md "Identifiers": GB 11714
/// reserves the PDY block for internal use, so a synthetic code never names a real company).
/// </summary>
/// <remarks>
/// One block holds 99,999 codes per (category, division). When a block is used up the code
/// moves to the next county of the same prefecture, so any number of enterprises gets a
/// distinct, valid code and the division still names the right province.
/// </remarks>
internal sealed class UsccAllocator
{
    private const int BlockSize = 99_999;
    private readonly Dictionary<string, int> _used = new(StringComparer.Ordinal);

    /// <summary>Allocates the next code for a category (1, 2 or 3) in a six-digit division.</summary>
    public Uscc Allocate(char category, string division)
    {
        var county = int.Parse(division.AsSpan(4, 2), CultureInfo.InvariantCulture);
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var candidate = attempt == 0
                ? division
                : string.Create(CultureInfo.InvariantCulture, $"{division.AsSpan(0, 4)}{((county + attempt - 1) % 99) + 1:D2}");
            var key = category + candidate;
            _used.TryGetValue(key, out var used);
            if (used < BlockSize)
            {
                _used[key] = used + 1;
                return Uscc.FromBody(string.Create(CultureInfo.InvariantCulture, $"9{category}{candidate}PDY{used + 1:D5}"));
            }
        }

        throw new InvalidOperationException("Every county block of this prefecture is used up.");
    }
}
