using DataGateway.Core.Problems;
using DataGateway.IntegrationTests.Support;

namespace DataGateway.IntegrationTests;

/// <summary>
/// <c>docs/problem-codes.md</c> lists every problem code the gateway and nodes can return, exactly as the
/// catalogue in <see cref="ProblemCodes"/> defines it. API.md shows examples only; clients that branch on
/// codes need the whole list, and a code added without its line fails here.
/// </summary>
public sealed class ProblemCatalogueDocTests
{
    private const string TableStart = "<!-- problem-codes:start -->";
    private const string TableEnd = "<!-- problem-codes:end -->";

    [Fact]
    public void TheDocumentedCatalogue_IsExactlyTheCodeCatalogue()
    {
        var document = File.ReadAllText(Path.Combine(TestMaterial.RepositoryRoot(), "docs", "problem-codes.md"));
        var start = document.IndexOf(TableStart, StringComparison.Ordinal);
        var end = document.IndexOf(TableEnd, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, "docs/problem-codes.md must keep its table between the two markers.");

        var documented = document[(start + TableStart.Length)..end].Trim().ReplaceLineEndings("\n");

        Assert.Equal(Table(), documented);
    }

    // The table the doc must hold: status order, then code order, one row per code.
    private static string Table() => string.Join('\n', new[]
    {
        "| status | code | meaning |",
        "|---:|---|---|",
    }.Concat(ProblemCodes.All
        .OrderBy(p => p.Status).ThenBy(p => p.Code, StringComparer.Ordinal)
        .Select(p => $"| {p.Status} | `{p.Code}` | {p.Title} |")));
}
