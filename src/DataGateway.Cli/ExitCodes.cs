namespace DataGateway.Cli;

/// <summary>The exit codes API.md promises for <c>dg</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The gateway refused (the problem is printed), or its answer failed verification.</summary>
    public const int Refused = 1;

    /// <summary>The command line or its inputs are wrong.</summary>
    public const int Usage = 2;
}
