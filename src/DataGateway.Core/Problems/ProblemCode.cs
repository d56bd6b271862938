namespace DataGateway.Core.Problems;

/// <summary>
/// A client-facing error: a stable machine code, its HTTP status and a fixed title. Titles
/// and details never carry request values, so a problem cannot echo raw data.
/// </summary>
/// <param name="Code">The stable code clients branch on.</param>
/// <param name="Status">The HTTP status it is served with.</param>
/// <param name="Title">A short human-readable summary.</param>
public sealed record ProblemCode(string Code, int Status, string Title)
{
    /// <summary>The RFC 9457 <c>type</c> URI of this problem.</summary>
    public string Type => "https://datagateway.dev/problems/" + Code;
}
