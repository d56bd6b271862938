namespace DataGateway.Core.Catalog;

/// <summary>
/// One public dimension aggregates may group and filter by, with its closed public domain. The
/// domain is public knowledge, so the gateway can answer (or suppress) every group of it whether or
/// not a node holds rows for it: which groups exist never depends on the data.
/// </summary>
/// <param name="Name">Wire name, e.g. <c>registration.province</c> or <c>size.class</c>.</param>
/// <param name="Domain">Every value the dimension can take, in a stable order (group keys follow it).</param>
public sealed record AggregateDimension(string Name, IReadOnlyList<string> Domain)
{
    /// <summary>The position of <paramref name="value"/> in <see cref="Domain"/>, or -1 when it is not in it.</summary>
    public int IndexOf(string? value)
    {
        for (var i = 0; i < Domain.Count; i++)
        {
            if (string.Equals(Domain[i], value, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
