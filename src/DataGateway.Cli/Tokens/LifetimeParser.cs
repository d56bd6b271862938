using System.Globalization;

namespace DataGateway.Cli.Tokens;

/// <summary>Parses lifetimes written as a number and a unit: <c>90s</c>, <c>15m</c>, <c>1h</c>, <c>7d</c>.</summary>
internal static class LifetimeParser
{
    /// <summary>Parses <paramref name="text"/>; false on anything else (no unit, zero, overflow).</summary>
    public static bool TryParse(string? text, out TimeSpan lifetime)
    {
        lifetime = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length < 2)
        {
            return false;
        }

        var unit = text[^1];
        if (!long.TryParse(text.AsSpan(0, text.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount) || amount <= 0)
        {
            return false;
        }

        var seconds = unit switch
        {
            's' => 1L,
            'm' => 60L,
            'h' => 3600L,
            'd' => 86_400L,
            _ => 0L,
        };
        if (seconds == 0 || amount > TimeSpan.MaxValue.TotalSeconds / seconds / 2)
        {
            return false;
        }

        lifetime = TimeSpan.FromSeconds(amount * seconds);
        return true;
    }
}
