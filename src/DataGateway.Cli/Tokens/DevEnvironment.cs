namespace DataGateway.Cli.Tokens;

/// <summary>
/// Whether the process runs in Production, read the way ASP.NET Core hosts read it. Development
/// key material is refused there (ARCHITECTURE.md "Configuration": certs-dev/ is never used in Production).
/// </summary>
internal static class DevEnvironment
{
    /// <summary>True when ASPNETCORE_ENVIRONMENT or DOTNET_ENVIRONMENT is Production.</summary>
    /// <param name="getVariable">Reads an environment variable; tests pass a fake.</param>
    public static bool IsProduction(Func<string, string?> getVariable)
    {
        ArgumentNullException.ThrowIfNull(getVariable);

        // Either variable naming Production counts: a host may read either, so refusing on
        // only the first would let the second slip through.
        return IsProductionName(getVariable("ASPNETCORE_ENVIRONMENT")) || IsProductionName(getVariable("DOTNET_ENVIRONMENT"));
    }

    private static bool IsProductionName(string? name) =>
        string.Equals(name?.Trim(), "Production", StringComparison.OrdinalIgnoreCase);
}
